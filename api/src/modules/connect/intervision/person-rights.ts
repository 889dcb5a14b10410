import { blankColumns, exportWhere, type ModulePersonRights } from '../../../db/person-rights.js';
import { intervisionGroups, intervisionRegistrations } from '../../../db/schema/index.js';
import { lastCycleEndOf } from './repository.js';

/**
 * Registrations (the payment reference may name the payer) and the groups the person
 * facilitates. A registration is justified to the funders until the end of its cycle's year
 * (after which the retention removes the participant anyway, decision 6): no erasure before.
 */
export const intervisionPersonRights: ModulePersonRights = {
  erase: [
    blankColumns('intervision_registration', 'registrations', intervisionRegistrations.personId, [
      intervisionRegistrations.paymentReference,
    ]),
  ],
  export: [
    exportWhere('intervision_registration', 'registrations', intervisionRegistrations.personId),
    exportWhere('intervision_group', 'groupsFacilitated', intervisionGroups.facilitatorIds),
  ],
  holds: [
    {
      kind: 'intervision_registration',
      hold: 'funder_justification',
      async until(db, personId, today) {
        const endsOn = await lastCycleEndOf(db, personId);
        if (endsOn === null) return null;
        const until = `${endsOn.slice(0, 4)}-12-31`;
        return until >= today ? until : null;
      },
    },
  ],
};
