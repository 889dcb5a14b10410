import { addAmounts, type MoneyLineList, type MoneyLineQuery } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import { acrossPoles } from '../../../db/client.js';
import { ValidationError } from '../../../errors.js';
import type { ServiceContext } from '../../../types.js';
import { MONEY_LINES } from '../../money-lines.js';
import { analyticCodesBySource } from '../analytic-codes/service.js';

/**
 * Every module's money lines for a period, by date, and their sum added in cents. Those the
 * matrix lets read `accounting` (the accountant, administrators) read every pole's lines: a
 * line carries an amount, a date, the paying organisation and what for, never a person, so the
 * declarations are read across poles on purpose (`acrossPoles`, as a merge does).
 */
export async function listMoneyLines({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: MoneyLineQuery;
}): Promise<MoneyLineList> {
  assertCan(ctx.actor, 'accounting', 'read');
  if (input.to < input.from) throw new ValidationError([{ field: 'to', code: 'tooSmall' }]);
  const period = { from: input.from, to: input.to };
  const codes = await analyticCodesBySource(ctx.db);
  const lines = await acrossPoles(ctx.db, async () => {
    const all = [];
    for (const declaration of MONEY_LINES) {
      const analyticCode = codes.get(declaration.id) ?? null;
      for (const line of await declaration.list(ctx.db, period)) {
        all.push({ source: declaration.id, recordKind: declaration.recordKind, analyticCode, ...line });
      }
    }
    return all;
  });
  lines.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.source.localeCompare(b.source) ||
      a.recordId.localeCompare(b.recordId),
  );
  return {
    from: input.from,
    to: input.to,
    items: lines,
    total: addAmounts('0', ...lines.map((l) => l.amount)),
  };
}
