import { normaliseAmount } from '@smes/shared';
import { defineMoneyLines } from '../../accounting/money-lines/define.js';
import { organisationRefs } from '../../association/membership/repository.js';
import { feesPaidBetween } from './repository.js';

/**
 * The supervision fees received in a period: one line per payment, on its day, for its amount,
 * the supervised team's organisation as counterparty.
 */
export const supervisionFeeMoneyLines = defineMoneyLines({
  id: 'support.supervisions.fees',
  label: { fr: 'Supervisions d’équipes', nl: 'Teamsupervisies' },
  recordKind: 'support_supervision',
  async list(db, { from, to }) {
    const rows = await feesPaidBetween(db, from, to);
    const ids = [...new Set(rows.map((r) => r.organisationId))];
    const organisation = new Map((await organisationRefs(db, ids)).map((o) => [o.id, o]));
    return rows.map((r) => ({
      date: r.paidOn!,
      amount: normaliseAmount(r.paidAmount!),
      counterparty: organisation.get(r.organisationId) ?? null,
      label: { fr: `Supervision ${r.team}`, nl: `Supervisie ${r.team}` },
      recordId: r.id,
    }));
  },
});
