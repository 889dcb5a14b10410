import type {
  FigureBreakdown,
  FigureCatalogue,
  FigureDimension,
  FigureRecordItem,
  FigureRecordPage,
  FigureValue,
  FigureUnit,
} from '@smes/shared';
import { FIGURE_DIMENSIONS, RECORD_KINDS, type Locale, type Period } from '@smes/shared';
import { sql, type SQL } from 'drizzle-orm';
import { visibility, type Visibility } from '../../../access/scope.js';
import type { Executor } from '../../../db/client.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import type { ServiceContext } from '../../../types.js';
import { FIGURES, RECORD_READERS } from '../../figure-definitions.js';
import { audit } from '../../platform/audit/service.js';
import { dimensionOf } from './dimensions.js';
import { isQueryFigure, withSets, type FigureDefinition, type FigureScope } from './define.js';

const byId = new Map(FIGURES.map((f) => [f.id, f]));

/** The aggregate of a figure's unit over its records `r`: counted in SQL, never row by row in JS. */
function aggregate(unit: Exclude<FigureUnit, 'difference'>): SQL {
  switch (unit) {
    case 'count':
    case 'share':
      return sql`count(*)::int`;
    case 'money':
      return sql`round(coalesce(sum(r."value"), 0)::numeric, 2)::float8`;
    case 'minutes':
      return sql`coalesce(sum(r."value"), 0)::float8`;
    case 'average':
      return sql`avg(r."value")::float8`;
    case 'median':
      return sql`(percentile_cont(0.5) within group (order by r."value"))::float8`;
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Rows of a raw statement: node-postgres and PGlite both answer `{ rows }`. */
async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Whether the figure takes every filter asked for (a cycle figure when a cycle is asked). */
function takesFilters(f: FigureDefinition, scope: FigureScope) {
  return (Object.keys(scope.filters) as (keyof FigureScope['filters'])[])
    .filter((k) => scope.filters[k] !== undefined)
    .every((k) => f.filters.includes(k));
}

function checkPeriod(scope: FigureScope) {
  if (scope.to < scope.from) throw new ValidationError([{ field: 'to', code: 'tooSmall' }]);
}

/** The catalogue: every figure, named in FR and NL, with its dimensions and filters. */
export function catalogue(): FigureCatalogue {
  return FIGURES.map((f) => ({
    id: f.id,
    pole: f.pole,
    unit: f.unit,
    kind: f.kind,
    sensitive: f.sensitive,
    version: f.version,
    label: f.label,
    dimensions: [...f.dimensions],
    filters: [...f.filters],
    ...(f.of ? { of: typeof f.of === 'string' ? [f.of] : [...f.of] } : {}),
    hasRecords: isQueryFigure(f),
  }));
}

/**
 * Values of many figures for a period, in one statement (one scalar subquery per figure);
 * shares and differences are then divided and subtracted from those values.
 *
 * `db` is the counting connection: values are aggregates, readable by every staff member and
 * the board, so they are computed apart from the caller's row scope: the routes pass
 * `app.countingDb`, the database's counting role (`smes_count`: SELECT on the record kinds'
 * tables, every row, nothing else; decision 12). Records are never read through it.
 */
export async function computeValues(
  db: Executor,
  scope: Period & { filters?: FigureScope['filters'] },
  ids?: readonly string[],
): Promise<FigureValue[]> {
  const s: FigureScope = { from: scope.from, to: scope.to, filters: scope.filters ?? {} };
  checkPeriod(s);
  const wanted = ids ? ids.map((id) => byId.get(id)) : FIGURES;
  const unknown = ids?.filter((id) => !byId.has(id)) ?? [];
  if (unknown.length) throw new ValidationError([{ field: 'ids', code: 'invalid' }]);

  // What must be counted: the figures asked for and those their shares and differences read.
  const needed = new Map<string, FigureDefinition>();
  const need = (f: FigureDefinition) => {
    if (needed.has(f.id)) return;
    needed.set(f.id, f);
    const of = f.of === undefined ? [] : typeof f.of === 'string' ? [f.of] : f.of;
    for (const id of of) need(byId.get(id)!);
  };
  for (const f of wanted) need(f!);

  const counted = [...needed.values()].filter(isQueryFigure).filter((f) => takesFilters(f, s));
  const raw = new Map<string, number | null>();
  if (counted.length) {
    const columns = sql.join(
      counted.map(
        (f, i) =>
          sql`(select ${aggregate(f.unit)} from (${f.records(s)}) as r) as ${sql.identifier(`f${i}`)}`,
      ),
      sql`, `,
    );
    // The sets several figures share (participants) are built once, in the `with` clause.
    const [row] = await rows<Record<string, unknown>>(db, sql`${withSets(counted, s)}select ${columns}`);
    counted.forEach((f, i) => raw.set(f.id, num(row?.[`f${i}`])));
  }

  const valueOf = (f: FigureDefinition): FigureValue => {
    if (!takesFilters(f, s)) return { id: f.id, version: f.version, value: null };
    if (f.unit === 'difference') {
      const [a, b] = f.of.map((id) => valueOf(byId.get(id)!).value);
      return {
        id: f.id,
        version: f.version,
        value: a === null || a === undefined || b === null || b === undefined ? null : round4(a - b),
      };
    }
    const value = raw.get(f.id) ?? null;
    if (f.unit === 'share') {
      const denominator = valueOf(byId.get(f.of!)!).value;
      return {
        id: f.id,
        version: f.version,
        value: value === null || !denominator ? null : round4(value / denominator),
        numerator: value ?? 0,
        ...(denominator !== null ? { denominator } : {}),
      };
    }
    return { id: f.id, version: f.version, value };
  };
  return wanted.map((f) => valueOf(f!));
}

/** The kind of record a figure counts (null: no such figure), for its records' access log. */
export const figureKind = (id: string) => byId.get(id)?.kind ?? null;

function figureOf(id: string) {
  const f = byId.get(id);
  if (!f) throw new NotFoundError('No such figure');
  return f;
}

function scopeOf(input: { from: string; to: string; cycleId?: string | undefined }): FigureScope {
  const s = { from: input.from, to: input.to, filters: { cycleId: input.cycleId } };
  checkPeriod(s);
  return s;
}

/**
 * A figure's records, a page at a time, read as the caller: refused (403) when the caller may
 * see no record of its kind, and a kind scoped to assignees shows the caller's own. The total is
 * the same query's count, so it equals the figure's value for a count.
 */
export async function readRecords({
  ctx,
  id,
  query,
}: {
  ctx: ServiceContext;
  id: string;
  query: {
    from: string;
    to: string;
    cycleId?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
    dimension?: string | undefined;
    key?: string | undefined;
    locale?: Locale | undefined;
  };
}): Promise<FigureRecordPage> {
  const f = figureOf(id);
  // Reference lists (sectors, communes) are read by everyone signed in, at route level.
  const visible: Visibility =
    RECORD_KINDS[f.kind].resource === 'reference'
      ? { kind: f.kind, rows: 'all', actorId: ctx.actor.id }
      : visibility(ctx.actor, f.kind);
  const s = scopeOf(query);
  if (!isQueryFigure(f)) throw new NotFoundError('A difference has no records of its own');
  if (!takesFilters(f, s)) throw new ValidationError([{ field: 'cycleId', code: 'invalid' }]);
  const reader = RECORD_READERS[f.kind];
  if (!reader) throw new Error(`No record reader for ${f.kind}`);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const records = f.records(s);
  let where = sql`true`;
  if (query.dimension !== undefined || query.key !== undefined) {
    if (query.dimension === undefined) throw new ValidationError([{ field: 'dimension', code: 'required' }]);
    if (query.key === undefined) throw new ValidationError([{ field: 'key', code: 'required' }]);
    if (!f.dimensions.includes(query.dimension as FigureDimension)) {
      throw new ValidationError([{ field: 'dimension', code: 'invalid' }]);
    }
    where = dimensionOf(f, query.dimension as FigureDimension).where(query.key);
  }
  const sets = withSets([f], s);
  const ids = sql`${sets}select r."id" from (${records}) as r where ${where}`;
  const recordRows = sql`${sets}select r.* from (${records}) as r where ${where}`;
  const args = {
    ids,
    rows: recordRows,
    visible,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    locale: query.locale ?? ('fr' as const),
  };
  const count = async () =>
    Number(
      (
        await rows<{ n: number }>(
          ctx.db,
          sql`${sets}select count(*)::int as n from (${records}) as r where ${where}`,
        )
      )[0]?.n ?? 0,
    );
  let items: FigureRecordItem[];
  let total: number;
  if (reader.readPage) {
    // One statement for the page and its total; a page past the end has no row to carry it.
    const found = await reader.readPage(ctx.db, args);
    items = found.items;
    total = found.total ?? (await count());
  } else {
    [total, items] = await Promise.all([count(), reader.read(ctx.db, args)]);
  }
  if (f.sensitive) {
    await audit(ctx.db, ctx, {
      action: 'read',
      resourceType: f.kind,
      resourceId: null,
      details: { figure: f.id, from: s.from, to: s.to, page, records: items.length },
    });
  }
  return { total, page, pageSize, items };
}

/** A figure broken down by a dimension, each row with its share of the figure's value. */
export async function breakdown({
  db,
  id,
  dimension,
  query,
}: {
  db: Executor;
  id: string;
  dimension: string;
  query: { from: string; to: string; cycleId?: string | undefined };
}): Promise<FigureBreakdown> {
  const f = figureOf(id);
  const s = scopeOf(query);
  if (
    !(FIGURE_DIMENSIONS as readonly string[]).includes(dimension) ||
    !f.dimensions.includes(dimension as FigureDimension) ||
    !isQueryFigure(f)
  ) {
    throw new ValidationError([{ field: 'dimension', code: 'invalid' }]);
  }
  if (!takesFilters(f, s)) throw new ValidationError([{ field: 'cycleId', code: 'invalid' }]);
  const dim = dimensionOf(f, dimension as FigureDimension);
  const records = f.records(s);
  const agg = aggregate(f.unit);
  const sets = withSets([f], s);
  const [found, [total]] = await Promise.all([
    rows<{ key: string; fr: string; nl: string; value: unknown }>(db, sql`${sets}${dim.query(records, agg)}`),
    rows<{ value: unknown }>(db, sql`${sets}select ${agg} as value from (${records}) as r`),
  ]);
  const whole = num(total?.value);
  return {
    dimension: dim.key,
    rows: found.map((r) => {
      const value = num(r.value) ?? 0;
      return {
        key: r.key,
        label: { fr: r.fr, nl: r.nl },
        value,
        share: whole ? round4(value / whole) : null,
      };
    }),
  };
}
