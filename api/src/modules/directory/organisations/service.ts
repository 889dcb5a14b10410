import type {
  CreateOrganisationBody,
  FieldError,
  Organisation,
  OrganisationDuplicates,
  OrganisationList,
  OrganisationListQuery,
  UpdateOrganisationBody,
} from '@smes/shared';
import { assertCan } from '../../../access/assert-can.js';
import type { Executor } from '../../../db/client.js';
import { organisations } from '../../../db/schema/index.js';
import { claimVersion, type IfMatch } from '../../../db/versions.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { matchKey, searchKey, searchTerms } from '../../../lib/text.js';
import type { ServiceContext } from '../../../types.js';
import { audit } from '../../platform/audit/service.js';
import { assertReferenceIds, communeForPostalCode, knownLanguageCodes } from '../reference/service.js';
import { toOrganisation, toOrganisationSummary } from './mapper.js';
import { organisationKeys } from './keys.js';
import * as repo from './repository.js';

async function load(db: Executor, row: repo.OrganisationRow): Promise<Organisation> {
  const [c, communes] = await Promise.all([
    repo.classificationsOf(db, [row.id]),
    repo.communesOf(db, row.communeId ? [row.communeId] : []),
  ]);
  return toOrganisation(row, c, communes);
}

/** Checks the parts of a create or update that the schema cannot: names, references, languages. */
async function validate(
  db: Executor,
  input: UpdateOrganisationBody,
  current?: repo.OrganisationRow & { sectorIds: string[]; typeIds: string[] },
): Promise<void> {
  const problems: FieldError[] = [];
  const nameFr = input.nameFr === undefined ? current?.nameFr : input.nameFr;
  const nameNl = input.nameNl === undefined ? current?.nameNl : input.nameNl;
  if (!nameFr?.trim() && !nameNl?.trim()) problems.push({ field: 'nameFr', code: 'required' });
  const checks = await Promise.all([
    input.sectorIds
      ? assertReferenceIds(db, 'sectorIds', 'sector', input.sectorIds, current?.sectorIds)
      : null,
    input.typeIds
      ? assertReferenceIds(db, 'typeIds', 'organisation_type', input.typeIds, current?.typeIds)
      : null,
    input.communeId
      ? assertReferenceIds(
          db,
          'communeId',
          'commune',
          [input.communeId],
          current?.communeId ? [current.communeId] : [],
        )
      : null,
  ]);
  problems.push(...checks.filter((p): p is FieldError => p !== null));
  if (input.languages?.length) {
    const known = await knownLanguageCodes(db);
    const i = input.languages.findIndex((l) => !known.includes(l));
    if (i >= 0) problems.push({ field: `languages/${i}`, code: 'invalid' });
  }
  if (problems.length) throw new ValidationError(problems);
}

function nullIfBlank(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value?.trim() ? value.trim() : null;
}

/** Both names and the search keys built from them; `current` is read under the row's lock. */
function nameColumns(input: UpdateOrganisationBody, current?: repo.OrganisationRow) {
  const nameFr = input.nameFr === undefined ? (current?.nameFr ?? null) : nullIfBlank(input.nameFr);
  const nameNl = input.nameNl === undefined ? (current?.nameNl ?? null) : nullIfBlank(input.nameNl);
  return { nameFr, nameNl, ...organisationKeys(nameFr, nameNl) };
}

/**
 * The other columns to write: only what was sent (and what follows from it), so an edit never
 * writes back a field someone else changed meanwhile.
 */
async function columnsFrom(db: Executor, input: UpdateOrganisationBody) {
  const postalCode = input.postalCode === undefined ? undefined : nullIfBlank(input.postalCode);
  // A Brussels postal code names its commune: it sets the commune unless one is given with it.
  const communeFromPostalCode =
    postalCode && input.communeId === undefined ? await communeForPostalCode(db, postalCode) : null;
  const communeId = input.communeId !== undefined ? input.communeId : (communeFromPostalCode ?? undefined);
  return {
    ...(input.street !== undefined ? { street: nullIfBlank(input.street) } : {}),
    ...(postalCode !== undefined ? { postalCode } : {}),
    ...(communeId !== undefined ? { communeId } : {}),
    ...(input.city !== undefined ? { city: nullIfBlank(input.city) } : {}),
    ...(input.languages !== undefined ? { languages: input.languages } : {}),
    ...(input.phone !== undefined ? { phone: nullIfBlank(input.phone) } : {}),
    ...(input.email !== undefined ? { email: nullIfBlank(input.email)?.toLowerCase() ?? null } : {}),
    ...(input.website !== undefined ? { website: nullIfBlank(input.website) } : {}),
    ...(input.notes !== undefined ? { notes: nullIfBlank(input.notes) } : {}),
    ...(input.closedOn !== undefined ? { closedOn: input.closedOn } : {}),
    ...(input.externalRef !== undefined ? { externalRef: nullIfBlank(input.externalRef) } : {}),
  };
}

async function assertExternalRefFree(db: Executor, externalRef: string | null | undefined, selfId?: string) {
  if (!externalRef) return;
  const other = await repo.findByExternalRef(db, externalRef.trim());
  if (other && other.id !== selfId) {
    throw new ConflictError('Another organisation has this reference', [
      { field: 'externalRef', code: 'taken' },
    ]);
  }
}

export async function createOrganisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateOrganisationBody;
}) {
  assertCan(ctx.actor, 'organisations', 'create');
  await validate(ctx.db, input);
  await assertExternalRefFree(ctx.db, input.externalRef);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertOrganisation(tx, {
      id: input.id,
      ...nameColumns(input),
      ...(await columnsFrom(tx, input)),
    });
    await repo.setSectors(tx, row.id, input.sectorIds ?? []);
    await repo.setTypes(tx, row.id, input.typeIds ?? []);
    await audit(tx, ctx, { action: 'create', resourceType: 'organisation', resourceId: row.id });
    return load(tx, row);
  });
}

export async function getOrganisation({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertCan(ctx.actor, 'organisations', 'read');
  const row = await repo.findOrganisation(ctx.db, id);
  if (!row) throw new NotFoundError('No such organisation');
  return load(ctx.db, row);
}

export async function updateOrganisation({
  ctx,
  id,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch: IfMatch;
  input: UpdateOrganisationBody;
}): Promise<Organisation> {
  assertCan(ctx.actor, 'organisations', 'update');
  return ctx.db.transaction(async (tx) => {
    await claimVersion(
      tx,
      organisations,
      id,
      ifMatch,
      async () => {
        const now = await repo.findOrganisation(tx, id);
        return now && load(tx, now);
      },
      'organisation',
    );
    // Read and checked under the row's lock: two edits at once each see what the other wrote.
    const row = await repo.lockOrganisation(tx, id);
    if (!row) throw new NotFoundError('No such organisation');
    const c = await repo.classificationsOf(tx, [id]);
    await validate(tx, input, {
      ...row,
      sectorIds: c.sectors.map((s) => s.id),
      typeIds: c.types.map((t) => t.id),
    });
    await assertExternalRefFree(tx, input.externalRef, id);
    const names = input.nameFr !== undefined || input.nameNl !== undefined;
    const updated = await repo.updateOrganisation(tx, id, {
      ...(names ? nameColumns(input, row) : {}),
      ...(await columnsFrom(tx, input)),
    });
    if (!updated) throw new NotFoundError('No such organisation');
    if (input.sectorIds) await repo.setSectors(tx, id, input.sectorIds);
    if (input.typeIds) await repo.setTypes(tx, id, input.typeIds);
    await audit(tx, ctx, {
      action: 'update',
      resourceType: 'organisation',
      resourceId: id,
      details: { fields: Object.keys(input) },
    });
    return load(tx, updated);
  });
}

export async function listOrganisations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: OrganisationListQuery;
}): Promise<OrganisationList> {
  assertCan(ctx.actor, 'organisations', 'read');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const { rows, total } = await repo.searchOrganisations(ctx.db, {
    ...input,
    page,
    pageSize,
    terms: searchTerms(input.q),
  });
  return { items: await summaries(ctx.db, rows), total, page, pageSize };
}

async function summaries(db: Executor, rows: repo.OrganisationRow[]) {
  const [c, communes] = await Promise.all([
    repo.classificationsOf(
      db,
      rows.map((r) => r.id),
    ),
    repo.communesOf(db, [...new Set(rows.map((r) => r.communeId).filter((id): id is string => id !== null))]),
  ]);
  return rows.map((r) => toOrganisationSummary(r, c, communes));
}

/** What a new organisation's name may already be in the directory under another spelling. */
export async function findOrganisationDuplicates({
  ctx,
  name,
  otherName,
  excludeId,
}: {
  ctx: ServiceContext;
  name: string;
  otherName?: string | undefined;
  excludeId?: string | undefined;
}): Promise<OrganisationDuplicates> {
  assertCan(ctx.actor, 'organisations', 'read');
  const rows = await repo.findSimilar(ctx.db, matchKey(name), searchKey(name, otherName), excludeId);
  return { items: await summaries(ctx.db, rows) };
}
