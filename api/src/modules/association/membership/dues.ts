import type {
  CreateDuesBody,
  DuesLine,
  DuesList,
  DuesListQuery,
  GeneratedDues,
  GenerateDuesBody,
  UpdateDuesBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { ConflictError, ValidationError } from '../../../errors.js';
import { dues } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { paymentOf, paymentValues } from '../../platform/payments/payment.js';
import { checkHolder, holderNames } from './holders.js';
import * as repo from './repository.js';
import { normaliseAmount } from '@smes/shared';

/** Amounts travel as decimal strings; the database's numeric keeps them exact (no float). */
const money = normaliseAmount;

async function toLines(db: Executor, rows: repo.DuesRow[]): Promise<DuesLine[]> {
  const name = await holderNames(db, rows);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    year: r.year,
    holder: name(r),
    amountDue: money(r.amountDue),
    payment: paymentOf(r),
  }));
}

/** A year's dues; `status=unpaid` is who has not paid (the year's totals are figures, decision 9). */
export async function listDues({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: DuesListQuery;
}): Promise<DuesList> {
  assertCan(ctx.actor, 'dues', 'read');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const r = await repo.listDues(ctx.db, { year: input.year, status: input.status ?? 'all', page, pageSize });
  return {
    items: await toLines(
      ctx.db,
      r.rows.map((row) => row.dues),
    ),
    total: r.total,
    page,
    pageSize,
  };
}

/** A year's dues not paid yet (the home page's count; the list is /association/dues). */
export async function unpaidDuesCount(ctx: ServiceContext, year: number): Promise<number> {
  assertCan(ctx.actor, 'dues', 'read');
  return (await repo.listDues(ctx.db, { year, status: 'unpaid', page: 1, pageSize: 1 })).total;
}

export async function createDues({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateDuesBody;
}): Promise<DuesLine> {
  assertCan(ctx.actor, 'dues', 'create');
  const { holder, problem } = await checkHolder(ctx.db, input);
  if (problem) throw new ValidationError([problem]);
  if (await repo.findDuesFor(ctx.db, input.year, holder)) {
    throw new ConflictError('Dues for this member and year exist', [{ field: 'year', code: 'taken' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertDues(tx, {
      id: input.id,
      year: input.year,
      ...holder,
      amountDue: input.amountDue,
    });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'due',
      resourceId: row.id,
      details: { year: row.year, amountDue: input.amountDue },
    });
    return (await toLines(tx, [row]))[0]!;
  });
}

/** Recording a payment is `payment: {…}` (the payment model, decision 19); `payment: null` undoes it. */
export async function updateDues({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateDuesBody;
}): Promise<DuesLine> {
  assertCan(ctx.actor, 'dues', 'update');
  return ctx.db.transaction(async (tx) => {
    const current = async () => {
      const now = await repo.findDues(tx, id);
      return now && (await toLines(tx, [now]))[0];
    };
    await claimVersion(tx, dues, id, ifMatch, current, 'dues line');
    // Read under the lock the claim took: a payment without an amount is of the amount due.
    const before = (await repo.findDues(tx, id))!;
    const amountDue = input.amountDue ?? before.amountDue;
    const row = await repo.updateDues(tx, id, {
      ...(input.amountDue !== undefined ? { amountDue: input.amountDue } : {}),
      ...(input.payment !== undefined ? paymentValues(input.payment, amountDue) : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'due',
      resourceId: id,
      details: changedFields(input),
    });
    return (await toLines(tx, [row!]))[0]!;
  });
}

/** One dues line per member of the year that has none yet; running it again adds only newcomers. */
export async function generateDues({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: GenerateDuesBody;
}): Promise<GeneratedDues> {
  assertCan(ctx.actor, 'dues', 'create');
  return ctx.db.transaction(async (tx) => {
    const key = (h: repo.HolderIds) => h.organisationId ?? `p:${h.personId}`;
    const existing = new Set((await repo.duesHoldersOfYear(tx, input.year)).map(key));
    const members = await repo.membersDuringYear(tx, input.year);
    const missing = members.filter((m) => !existing.has(key(m)));
    await repo.insertManyDues(
      tx,
      missing.map((h) => ({
        year: input.year,
        ...h,
        amountDue: h.organisationId ? input.organisationAmount : input.personAmount,
      })),
    );
    const created = missing.length;
    const alreadyThere = members.length - created;
    await audit(tx, ctx, {
      action: 'create',
      resourceType: 'due',
      details: { generated: input.year, created, alreadyThere },
    });
    return { created, alreadyThere };
  });
}
