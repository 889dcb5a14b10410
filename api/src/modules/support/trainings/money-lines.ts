import { normaliseAmount } from '@smes/shared';
import { defineMoneyLines } from '../../accounting/money-lines/define.js';
import { organisationRefs } from '../../association/membership/repository.js';
import { feesPaidBetween } from './repository.js';

/**
 * The training fees received in a period: one line per participant's payment, on its day, the
 * participant's organisation as counterparty (a line names no person).
 */
export const trainingFeeMoneyLines = defineMoneyLines({
  id: 'support.trainings.fees',
  label: { fr: 'Participations aux formations de Support', nl: 'Deelnames aan opleidingen van Support' },
  recordKind: 'support_training_participant',
  async list(db, { from, to }) {
    const rows = await feesPaidBetween(db, from, to);
    const ids = [...new Set(rows.map((r) => r.organisationId))];
    const organisation = new Map((await organisationRefs(db, ids)).map((o) => [o.id, o]));
    return rows.map((r) => ({
      date: r.paidOn!,
      amount: normaliseAmount(r.paidAmount!),
      counterparty: organisation.get(r.organisationId) ?? null,
      label: { fr: `Formation ${r.titleFr}`, nl: `Opleiding ${r.titleNl}` },
      recordId: r.id,
    }));
  },
});
