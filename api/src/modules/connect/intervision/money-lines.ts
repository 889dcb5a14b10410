import { normaliseAmount } from '@smes/shared';
import { defineMoneyLines } from '../../accounting/money-lines/define.js';
import { organisationRefs } from '../../association/membership/repository.js';
import { feesPaidBetween } from './repository.js';

/**
 * The intervision fees received in a period: one line per payment, on its day, for its
 * amount, the participant's organisation as counterparty (a line names no person).
 */
export const intervisionFeeMoneyLines = defineMoneyLines({
  id: 'connect.intervision.fees',
  label: { fr: "Participations aux groupes d'intervision", nl: 'Deelnames aan intervisiegroepen' },
  recordKind: 'intervision_registration',
  async list(db, { from, to }) {
    const rows = await feesPaidBetween(db, from, to);
    const ids = [...new Set(rows.map((r) => r.organisationId))];
    const organisation = new Map((await organisationRefs(db, ids)).map((o) => [o.id, o]));
    return rows.map((r) => ({
      date: r.paidOn!,
      amount: normaliseAmount(r.paidAmount!),
      counterparty: organisation.get(r.organisationId) ?? null,
      label: { fr: `Intervision ${r.cycleName}`, nl: `Intervisie ${r.cycleName}` },
      recordId: r.id,
    }));
  },
});
