import { normaliseAmount } from '@smes/shared';
import { defineMoneyLines } from '../../accounting/money-lines/define.js';
import { duesPaidBetween, organisationRefs } from './repository.js';

/**
 * The dues received in a period: one line per payment, on its day, for its amount; the paying
 * member organisation as counterparty (none for a person who is a member in their own name).
 */
export const duesMoneyLines = defineMoneyLines({
  id: 'association.dues',
  label: { fr: 'Cotisations des membres', nl: 'Lidgeld van de leden' },
  recordKind: 'due',
  async list(db, { from, to }) {
    const rows = await duesPaidBetween(db, from, to);
    const ids = [...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))];
    const organisation = new Map((await organisationRefs(db, ids)).map((o) => [o.id, o]));
    return rows.map((r) => ({
      date: r.paidOn!,
      amount: normaliseAmount(r.paidAmount!),
      counterparty: (r.organisationId && organisation.get(r.organisationId)) || null,
      label: { fr: `Cotisation ${r.year}`, nl: `Lidgeld ${r.year}` },
      recordId: r.id,
    }));
  },
});
