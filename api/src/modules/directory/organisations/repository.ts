import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { OrganisationListQuery } from '@smes/shared';
import { affectedRows, type Executor } from '../../../db/client.js';
import type { MergeLink } from '../../../db/merge-links.js';
import {
  memberships,
  organisations,
  organisationSectorChanges,
  organisationSectors,
  organisationTypes,
  referenceItems,
} from '../../../db/schema/index.js';
import { chunks } from '../../../lib/chunks.js';
import { likeEscape } from '../../../lib/text.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;

const live = isNull(organisations.mergedIntoId);
const displayName = sql`lower(coalesce(${organisations.nameFr}, ${organisations.nameNl}))`;

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), live))
    .limit(1);
  return row;
}

export async function findByExternalRef(db: Executor, externalRef: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.externalRef, externalRef))
    .limit(1);
  return row;
}

export async function findByMatchKey(db: Executor, key: string) {
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.matchKey, key), live))
    .limit(5);
}

export async function insertOrganisation(db: Executor, input: NewOrganisation) {
  const [row] = await db.insert(organisations).values(input).returning();
  return row!;
}

/** The organisation as it is now, its row locked until the transaction ends. */
export async function lockOrganisation(db: Executor, id: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), live))
    .for('update');
  return row;
}

export async function updateOrganisation(db: Executor, id: string, patch: Partial<NewOrganisation>) {
  const [row] = await db
    .update(organisations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(organisations.id, id))
    .returning();
  return row;
}

/**
 * Keeps the sectors each organisation has now, before a change of them, for those whose sectors
 * `next` says would change (a set, or sectors added with `adding`): what `sectorsOn` reads back.
 */
async function keepSectorsBefore(db: Executor, next: Map<string, string[]>, adding = false) {
  if (!next.size) return;
  const { sectors } = await classificationSets(db, [...next.keys()]);
  const changed = [...next].flatMap(([organisationId, ids]) => {
    const now = sectors.get(organisationId) ?? new Set<string>();
    const same = adding
      ? ids.every((id) => now.has(id))
      : ids.length === now.size && ids.every((id) => now.has(id));
    // An organisation without sectors yet (one being created) has no earlier sectors to keep:
    // its first ones stand for its past too.
    return same || now.size === 0 ? [] : [{ organisationId, sectorIdsBefore: [...now].sort() }];
  });
  for (const batch of chunks(changed, 1000)) await db.insert(organisationSectorChanges).values(batch);
}

/**
 * The organisation's sectors on a day in Brussels: those it had before its first change after
 * that day, else those it has now. What a request or a registration keeps when it is entered
 * for a past day (an imported log); for today, the sectors of now.
 */
export async function sectorsOn(db: Executor, organisationId: string, day: string): Promise<string[]> {
  const [later] = await db
    .select({ before: organisationSectorChanges.sectorIdsBefore })
    .from(organisationSectorChanges)
    .where(
      and(
        eq(organisationSectorChanges.organisationId, organisationId),
        sql`(${organisationSectorChanges.changedAt} at time zone 'Europe/Brussels')::date > ${day}::date`,
      ),
    )
    .orderBy(asc(organisationSectorChanges.changedAt), asc(organisationSectorChanges.id))
    .limit(1);
  if (later) return [...later.before].sort();
  const rows = await db
    .select({ sectorId: organisationSectors.sectorId })
    .from(organisationSectors)
    .where(eq(organisationSectors.organisationId, organisationId))
    .orderBy(asc(organisationSectors.sectorId));
  return rows.map((r) => r.sectorId);
}

export async function setSectors(db: Executor, organisationId: string, sectorIds: string[]) {
  await keepSectorsBefore(db, new Map([[organisationId, sectorIds]]));
  await db.delete(organisationSectors).where(eq(organisationSectors.organisationId, organisationId));
  if (sectorIds.length) {
    await db.insert(organisationSectors).values(sectorIds.map((sectorId) => ({ organisationId, sectorId })));
  }
}

export async function setTypes(db: Executor, organisationId: string, typeIds: string[]) {
  await db.delete(organisationTypes).where(eq(organisationTypes.organisationId, organisationId));
  if (typeIds.length) {
    await db.insert(organisationTypes).values(typeIds.map((typeId) => ({ organisationId, typeId })));
  }
}

const refColumns = {
  id: referenceItems.id,
  code: referenceItems.code,
  labelFr: referenceItems.labelFr,
  labelNl: referenceItems.labelNl,
  retiredAt: referenceItems.retiredAt,
};

/** Sectors and types of several organisations in two queries, not two per organisation. */
export async function classificationsOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return { sectors: [], types: [] };
  const [sectors, types] = await Promise.all([
    db
      .select({ organisationId: organisationSectors.organisationId, ...refColumns })
      .from(organisationSectors)
      .innerJoin(referenceItems, eq(referenceItems.id, organisationSectors.sectorId))
      .where(inArray(organisationSectors.organisationId, ids))
      .orderBy(asc(referenceItems.sortOrder)),
    db
      .select({ organisationId: organisationTypes.organisationId, ...refColumns })
      .from(organisationTypes)
      .innerJoin(referenceItems, eq(referenceItems.id, organisationTypes.typeId))
      .where(inArray(organisationTypes.organisationId, ids))
      .orderBy(asc(referenceItems.sortOrder)),
  ]);
  return { sectors, types };
}

/** Names and addresses of several organisations, the commune named in both languages. */
export async function addressesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      nameFr: organisations.nameFr,
      nameNl: organisations.nameNl,
      street: organisations.street,
      postalCode: organisations.postalCode,
      placeFr: sql<string | null>`coalesce(${referenceItems.labelFr}, ${organisations.city})`,
      placeNl: sql<string | null>`coalesce(${referenceItems.labelNl}, ${organisations.city})`,
    })
    .from(organisations)
    .leftJoin(referenceItems, eq(referenceItems.id, organisations.communeId))
    .where(inArray(organisations.id, ids));
}

export async function communesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(refColumns).from(referenceItems).where(inArray(referenceItems.id, ids));
}

/** Every word must appear in a name; names where a word starts a word come first. */
export async function searchOrganisations(
  db: Executor,
  query: OrganisationListQuery & { page: number; pageSize: number; terms: string[] },
) {
  const conds: SQL[] = [live];
  for (const term of query.terms) conds.push(sql`${organisations.searchKey} like ${`%${likeEscape(term)}%`}`);
  if (!query.includeClosed)
    conds.push(or(isNull(organisations.closedOn), sql`${organisations.closedOn} > current_date`)!);
  if (query.communeId) conds.push(eq(organisations.communeId, query.communeId));
  if (query.sectorId) {
    conds.push(
      sql`exists (select 1 from ${organisationSectors} where ${organisationSectors.organisationId} = ${organisations.id} and ${organisationSectors.sectorId} = ${query.sectorId})`,
    );
  }
  if (query.member !== undefined) {
    const isMember = sql`exists (select 1 from ${memberships} where ${memberships.organisationId} = ${organisations.id}
      and ${memberships.startsOn} <= current_date and (${memberships.endsOn} is null or ${memberships.endsOn} >= current_date))`;
    conds.push(query.member ? isMember : sql`not ${isMember}`);
  }
  if (query.typeId) {
    conds.push(
      sql`exists (select 1 from ${organisationTypes} where ${organisationTypes.organisationId} = ${organisations.id} and ${organisationTypes.typeId} = ${query.typeId})`,
    );
  }
  const where = and(...conds);
  const first = query.terms[0];
  const order = first
    ? [
        desc(
          sql`(${organisations.searchKey} like ${`${likeEscape(first)}%`} or ${organisations.searchKey} like ${`% ${likeEscape(first)}%`})`,
        ),
        asc(displayName),
      ]
    : [asc(displayName)];
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(...order, asc(organisations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * When two organisations' distinctive names (generated column, migration 0013) are alike
 * (decision 8): they share half their trigrams, or the shorter one (4 letters or more) lies
 * within the longer (strict word similarity 0.8) while sharing at least 0.3 of them. `%` (pg_trgm's
 * default 0.3) lets the trigram index find the candidates first.
 */
function alike(folded: SQL) {
  const key = sql`directory_distinctive_name(${folded})`;
  const d = organisations.distinctiveKey;
  return sql`(${d} % ${key} and (similarity(${d}, ${key}) >= 0.5
    or (least(length(${d}), length(${key})) >= 4
      and greatest(strict_word_similarity(${d}, ${key}), strict_word_similarity(${key}, ${d})) >= 0.8)))`;
}

/** Same name once folded, or alike names. */
export async function findSimilar(db: Executor, key: string, folded: string, excludeId?: string) {
  return db
    .select()
    .from(organisations)
    .where(
      and(
        live,
        excludeId ? sql`${organisations.id} <> ${excludeId}` : undefined,
        or(eq(organisations.matchKey, key), alike(sql`${folded}`)),
      ),
    )
    .orderBy(desc(sql`similarity(${organisations.distinctiveKey}, directory_distinctive_name(${folded}))`))
    .limit(10);
}

/**
 * The alike organisations of several folded names in one statement (an import's new rows):
 * for each name's position, up to `perName` of them, the most alike first.
 */
export type SimilarName = { id: string; nameFr: string | null; nameNl: string | null };

export async function findSimilarToMany(db: Executor, folded: string[], perName = 3) {
  const out = new Map<number, SimilarName[]>();
  if (folded.length === 0) return out;
  const result = await db.execute(sql`
    select n.i::int as i, o.id, o.name_fr as "nameFr", o.name_nl as "nameNl"
    from json_array_elements_text(${JSON.stringify(folded)}::json) with ordinality as n(folded, i)
    cross join lateral (
      select ${organisations.id} as id, ${organisations.nameFr} as name_fr, ${organisations.nameNl} as name_nl
      from ${organisations}
      where ${live} and ${alike(sql`n.folded`)}
      order by similarity(${organisations.distinctiveKey}, directory_distinctive_name(n.folded)) desc
      limit ${perName}
    ) o`);
  const rows = (result as unknown as { rows: (SimilarName & { i: number })[] }).rows;
  for (const r of rows) {
    const list = out.get(r.i - 1) ?? [];
    list.push({ id: r.id, nameFr: r.nameFr, nameNl: r.nameNl });
    out.set(r.i - 1, list);
  }
  return out;
}

/**
 * An organisation's sectors and types follow a merge as the union of both: the duplicate's rows
 * are added to the kept one (those it has already are skipped), then go.
 */
const classificationLink = (
  kind: 'sector' | 'organisation_type',
  name: string,
  table: typeof organisationSectors | typeof organisationTypes,
  column: typeof organisationSectors.organisationId | typeof organisationTypes.organisationId,
  other: typeof organisationSectors.sectorId | typeof organisationTypes.typeId,
): MergeLink => ({
  kind,
  name,
  column,
  async count(db, id) {
    const [row] = await db.select({ n: count() }).from(table).where(eq(column, id));
    return row?.n ?? 0;
  },
  async move(db, fromId, toId) {
    if (kind === 'sector') {
      const { sectors } = await classificationSets(db, [fromId]);
      await keepSectorsBefore(db, new Map([[toId, [...(sectors.get(fromId) ?? [])]]]), true);
    }
    const added = await db.execute(
      sql`insert into ${table} (organisation_id, ${sql.identifier(other.name)})
          select ${toId}, ${other} from ${table} where ${column} = ${fromId}
          on conflict do nothing`,
    );
    await db.delete(table).where(eq(column, fromId));
    return affectedRows(added);
  },
});

export const sectorsLink = classificationLink(
  'sector',
  'sectors',
  organisationSectors,
  organisationSectors.organisationId,
  organisationSectors.sectorId,
);
export const typesLink = classificationLink(
  'organisation_type',
  'types',
  organisationTypes,
  organisationTypes.organisationId,
  organisationTypes.typeId,
);

// Imports: many rows at once.

/** The keys imports match organisations on, for the whole directory in one query. */
export async function organisationIndex(db: Executor) {
  const rows = await db
    .select({
      id: organisations.id,
      externalRef: organisations.externalRef,
      matchKey: organisations.matchKey,
    })
    .from(organisations)
    .where(isNull(organisations.mergedIntoId));
  const byRef = new Map<string, { id: string }>();
  const byName = new Map<string, { id: string }>();
  for (const r of rows) {
    if (r.externalRef) byRef.set(r.externalRef, r);
    if (r.matchKey && !byName.has(r.matchKey)) byName.set(r.matchKey, r);
  }
  return { byRef, byName };
}

export async function organisationsByIds(db: Executor, ids: string[]) {
  const out = new Map<string, OrganisationRow>();
  for (const batch of chunks(ids, 5000)) {
    for (const row of await db.select().from(organisations).where(inArray(organisations.id, batch)))
      out.set(row.id, row);
  }
  return out;
}

export async function insertOrganisations(
  db: Executor,
  rows: (typeof organisations.$inferInsert)[],
): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await db.insert(organisations).values(rows).returning({ id: organisations.id });
  return inserted.map((r) => r.id);
}

export async function addClassifications(
  db: Executor,
  rows: { existingId: string | null; sectorIds: string[]; typeIds: string[] }[],
) {
  const sectors = rows.flatMap((r) =>
    r.sectorIds.map((sectorId) => ({ organisationId: r.existingId!, sectorId })),
  );
  const types = rows.flatMap((r) => r.typeIds.map((typeId) => ({ organisationId: r.existingId!, typeId })));
  await keepSectorsBefore(
    db,
    new Map(rows.filter((r) => r.sectorIds.length).map((r) => [r.existingId!, r.sectorIds])),
    true,
  );
  for (const batch of chunks(sectors, 1000))
    await db.insert(organisationSectors).values(batch).onConflictDoNothing();
  for (const batch of chunks(types, 1000))
    await db.insert(organisationTypes).values(batch).onConflictDoNothing();
}

/** Sector and type ids per organisation, for many organisations (in chunks the server accepts). */
export async function classificationSets(db: Executor, ids: string[]) {
  const sectors = new Map<string, Set<string>>();
  const types = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, org: string, id: string) => {
    const set = map.get(org) ?? new Set<string>();
    set.add(id);
    map.set(org, set);
  };
  for (const batch of chunks(ids, 5000)) {
    const [s, t] = await Promise.all([
      db.select().from(organisationSectors).where(inArray(organisationSectors.organisationId, batch)),
      db.select().from(organisationTypes).where(inArray(organisationTypes.organisationId, batch)),
    ]);
    for (const r of s) add(sectors, r.organisationId, r.sectorId);
    for (const r of t) add(types, r.organisationId, r.typeId);
  }
  return { sectors, types };
}
