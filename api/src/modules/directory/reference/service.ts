import type {
  CreateReferenceItemBody,
  FieldError,
  ReferenceItem,
  ReferenceKind,
  ReferenceList,
  UpdateReferenceItemBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { referenceItems } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import type { ServiceContext } from '../../../types.js';
import { audit, changedFields } from '../../platform/audit/service.js';
import { toReferenceItem } from './mapper.js';
import * as repo from './repository.js';

/** Reference lists are not personal: anyone signed in reads them (the route says so). */
export async function listReference(
  ctx: ServiceContext,
  kind: ReferenceKind,
  includeRetired = false,
): Promise<ReferenceList> {
  const rows = await repo.listReferenceItems(ctx.db, kind, includeRetired);
  return { items: rows.map(toReferenceItem) };
}

export async function createReferenceItem({
  ctx,
  kind,
  input,
}: {
  ctx: ServiceContext;
  kind: ReferenceKind;
  input: CreateReferenceItemBody;
}): Promise<ReferenceItem> {
  assertCan(ctx.actor, 'reference', 'create');
  if (input.postalCodes?.length && kind !== 'commune') {
    throw new ValidationError([{ field: 'postalCodes', code: 'notAllowed' }]);
  }
  if (await repo.codeTaken(ctx.db, kind, input.code)) {
    throw new ConflictError('This code exists', [{ field: 'code', code: 'taken' }]);
  }
  return ctx.db.transaction(async (tx) => {
    // Without a place given, a new item goes to the end of its list.
    const sortOrder = input.sortOrder ?? (await repo.maxSortOrder(tx, kind)) + 10;
    const row = await repo.insertReferenceItem(tx, { kind, ...input, sortOrder });
    await audit(tx, ctx, {
      action: 'create',
      resourceType: kind,
      resourceId: row.id,
      details: changedFields(input),
    });
    return toReferenceItem(row);
  });
}

/** Rename, reorder, retire or bring back an item. Records that use it keep pointing at it. */
export async function updateReferenceItem({
  ctx,
  kind,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  kind: ReferenceKind;
  id: string;
  ifMatch: IfMatch;
  input: UpdateReferenceItemBody;
}): Promise<ReferenceItem> {
  assertCan(ctx.actor, 'reference', 'update');
  if (input.postalCodes?.length && kind !== 'commune') {
    throw new ValidationError([{ field: 'postalCodes', code: 'notAllowed' }]);
  }
  const { retired, ...rest } = input;
  return ctx.db.transaction(async (tx) => {
    const found = async () => {
      const now = await repo.findReferenceItem(tx, kind, id);
      return now && toReferenceItem(now);
    };
    if (!(await found())) throw new NotFoundError('No such reference item');
    await claimVersion(tx, referenceItems, id, ifMatch, found, 'reference item');
    const current = (await repo.findReferenceItem(tx, kind, id))!;
    const row = await repo.updateReferenceItem(tx, id, {
      ...rest,
      ...(retired === undefined ? {} : { retiredAt: retired ? (current.retiredAt ?? new Date()) : null }),
    });
    if (!row) throw new NotFoundError('No such reference item');
    await audit(tx, ctx, {
      action: 'update',
      resourceType: kind,
      resourceId: id,
      details: changedFields(input),
    });
    return toReferenceItem(row);
  });
}

/**
 * Checks that ids given for a record name items of the right kind. Retired items may stay on a
 * record that has them, but are not chosen anew.
 */
export async function assertReferenceIds(
  db: Executor,
  field: string,
  kind: ReferenceKind,
  ids: string[],
  alreadyThere: string[] = [],
): Promise<FieldError | null> {
  const rows = await repo.findReferenceItemsByIds(db, ids);
  for (const [i, id] of ids.entries()) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.kind !== kind)
      return { field: ids.length > 1 || field.endsWith('Ids') ? `${field}/${i}` : field, code: 'invalid' };
    if (row.retiredAt && !alreadyThere.includes(id))
      return { field: field.endsWith('Ids') ? `${field}/${i}` : field, code: 'notAllowed' };
  }
  return null;
}

/** The commune a Brussels postal code belongs to, if any. */
export async function communeForPostalCode(db: Executor, postalCode: string): Promise<string | null> {
  return (await repo.findCommuneByPostalCode(db, postalCode))?.id ?? null;
}

export async function knownLanguageCodes(db: Executor): Promise<string[]> {
  return (await repo.listReferenceItems(db, 'language', true)).map((r) => r.code);
}
