import type { AnalyticCode, AnalyticCodeList, UpdateAnalyticCodeBody } from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { analyticCodes } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import { NotFoundError } from '../../../errors.js';
import type { ServiceContext } from '../../../types.js';
import { MONEY_LINES } from '../../money-lines.js';
import type { MoneyLinesDeclaration } from '../money-lines/define.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import * as repo from './repository.js';

const toAnalyticCode = (
  declaration: MoneyLinesDeclaration,
  row: { code: string | null; version: number } | undefined,
): AnalyticCode => ({
  id: declaration.id,
  label: declaration.label,
  recordKind: declaration.recordKind,
  code: row?.code ?? null,
  version: row?.version ?? 1,
});

/** The code set for each source of money lines, by id: what the money lines carry. */
export async function analyticCodesBySource(db: Executor): Promise<Map<string, string | null>> {
  const rows = await repo.findAnalyticCodes(
    db,
    MONEY_LINES.map((d) => d.id),
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Every source of money lines (each module's declaration) and the code its lines are booked on. */
export async function listAnalyticCodes(ctx: ServiceContext): Promise<AnalyticCodeList> {
  assertCan(ctx.actor, 'accounting', 'read');
  const rows = await repo.findAnalyticCodes(
    ctx.db,
    MONEY_LINES.map((d) => d.id),
  );
  return {
    items: MONEY_LINES.map((d) =>
      toAnalyticCode(
        d,
        rows.find((r) => r.id === d.id),
      ),
    ),
  };
}

/**
 * Sets (or, with null, clears) the code of one source. Versioned like any record (If-Match); a
 * source's row is made the first time, at version 1. Audited as a change of `code`.
 */
export async function updateAnalyticCode({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateAnalyticCodeBody;
}): Promise<AnalyticCode> {
  assertCan(ctx.actor, 'accounting', 'update');
  const declaration = MONEY_LINES.find((d) => d.id === id);
  if (!declaration) throw new NotFoundError('No such source of money lines');
  return ctx.db.transaction(async (tx) => {
    const current = async () => toAnalyticCode(declaration, (await repo.findAnalyticCodes(tx, [id]))[0]);
    await repo.ensureAnalyticCode(tx, id);
    await claimVersion(tx, analyticCodes, id, ifMatch, current, 'source of money lines');
    const code = input.code === null ? null : input.code.trim();
    await repo.setAnalyticCode(tx, id, code);
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'analytic_code',
      resourceId: id,
      details: changedFields(input),
    });
    return current();
  });
}
