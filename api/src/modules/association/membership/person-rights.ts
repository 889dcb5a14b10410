import { blankColumns, exportWhere, type ModulePersonRights } from '../../../db/person-rights.js';
import { dues, governanceSeats, memberships } from '../../../db/schema/index.js';
import { lastDueYearOf } from './repository.js';

/** The books keep a due 7 years after its year (Belgian accounting law). */
const ACCOUNTING_YEARS = 7;

/**
 * A member's periods (their notes), seats and dues (the payment reference often carries the
 * payer's name). Dues are under the accounting hold: no erasure while one is within 7 years.
 */
export const membershipPersonRights: ModulePersonRights = {
  erase: [
    blankColumns('membership', 'memberships', memberships.personId, [memberships.notes]),
    blankColumns('due', 'dues', dues.personId, [dues.paymentReference]),
  ],
  export: [
    exportWhere('membership', 'memberships', memberships.personId),
    exportWhere('governance_seat', 'seats', governanceSeats.personId),
    exportWhere('governance_seat', 'seatsRepresented', governanceSeats.representativeId),
    exportWhere('due', 'dues', dues.personId),
  ],
  holds: [
    {
      kind: 'due',
      hold: 'accounting',
      async until(db, personId, today) {
        const year = await lastDueYearOf(db, personId);
        if (year === null) return null;
        const until = `${year + ACCOUNTING_YEARS}-12-31`;
        return until >= today ? until : null;
      },
    },
  ],
};
