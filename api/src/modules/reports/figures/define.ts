import type {
  Locale,
  FigureDimension,
  FigureFilter,
  FigureLabel,
  FigurePole,
  FigureRecordItem,
  FigureUnit,
  RecordKind,
} from '@smes/shared';
import { RECORD_KINDS } from '@smes/shared';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { QueryBuilder, type WithSubqueryWithSelection } from 'drizzle-orm/pg-core';
import type { TypedQueryBuilder } from 'drizzle-orm/query-builders/query-builder';
import type { Visibility } from '../../../access/scope.js';
import type { Executor } from '../../../db/client.js';

/** The period (both days included) and the filters a figure is asked for. */
export interface FigureScope {
  from: string;
  to: string;
  filters: { cycleId?: string | undefined };
}

/**
 * What a figure's records query selects, each column aliased to its key (`recordColumns`):
 * - `id`: the record (of the figure's kind), one row per record;
 * - `value`: the number summed, averaged or taken the median of (money, minutes, average, median);
 * - `organisationId`: what the sector and commune dimensions join on;
 * - `language`: what the language dimension reads (`fr`/`nl`);
 * - `date`: the record's day, what the year dimension groups by;
 * - `sectorIds`: the sectors kept on the record itself (a Support request keeps its requester's
 *   sectors of the day it was taken), for a figure with `sectorsOnRecord`; null: counted apart.
 */
export interface RecordColumnsInput {
  id: SQLWrapper;
  value?: SQLWrapper;
  organisationId?: SQLWrapper;
  language?: SQLWrapper;
  date?: SQLWrapper;
  sectorIds?: SQLWrapper;
}

/** Query builder without a connection: definitions build SQL, the engine runs it. */
export const qb = new QueryBuilder();

/** The record columns under the names the engine reads (`r."organisationId"`). */
export function recordColumns<T extends RecordColumnsInput>(cols: T): { [K in keyof T]: SQL.Aliased } {
  const out: Record<string, SQL.Aliased> = {};
  for (const [key, col] of Object.entries(cols) as [string, SQLWrapper][]) {
    out[key] = sql`${col}`.as(key);
  }
  return out as { [K in keyof T]: SQL.Aliased };
}

/** A figure's one query: the records for a period and filters (the value is computed over it). */
export type RecordsQuery = (scope: FigureScope) => SQLWrapper;

/**
 * A set of rows several figures start from (a period's intervision participants: counted,
 * at the member rate, their institutions and sectors), written once and computed once per
 * statement: the engine puts it in the statement's `with` clause, and the figures that `use` it
 * read it as a table (`shared.table(scope)`). Counting many figures at once, the database then
 * builds it once (a common table expression read more than once is materialised); read by one
 * figure, it is folded into that figure's query as if written there.
 */
export interface SharedSet<T extends Record<string, SQL.Aliased> = Record<string, SQL.Aliased>> {
  name: string;
  query: (scope: FigureScope) => SQLWrapper;
  /** The set as a table of the figure's query, its columns `table(scope).<key>`. */
  table: (scope: FigureScope) => WithSubqueryWithSelection<T, string>;
}

export function sharedSet<T extends Record<string, SQL.Aliased>>(
  name: string,
  query: (scope: FigureScope) => TypedQueryBuilder<T> & SQLWrapper,
): SharedSet<T> {
  return { name, query, table: (scope) => qb.$with(name).as(query(scope)) };
}

/** `with <set> as (…), …` for the shared sets `figures` use (empty when none), for `scope`. */
export function withSets(figures: readonly FigureDefinition[], scope: FigureScope): SQL {
  const sets = new Map<string, SharedSet>();
  for (const f of figures) for (const set of isQueryFigure(f) ? (f.uses ?? []) : []) sets.set(set.name, set);
  if (!sets.size) return sql``;
  return sql`with ${sql.join(
    [...sets.values()].map((set) => sql`${sql.identifier(set.name)} as (${set.query(scope)})`),
    sql`, `,
  )} `;
}

/**
 * What a reader is given: `ids` is the figure's query selecting its records' `id`; `rows` the same
 * records with every record column the figure's query selects (`r."organisationId"`…), for a
 * reader that orders on them without looking each record up first.
 */
export interface RecordReaderArgs {
  ids: SQL;
  rows: SQL;
  visible: Visibility;
  limit: number;
  offset: number;
  /** The language names are sorted in (`nameOrder`), so that the pages follow one order. */
  locale: Locale;
}

/**
 * The sort key of a FR/NL name in `locale`: the name in that language, else the other one, else
 * the fallbacks (a person's last name). The directory's indexes serve both languages' keys
 * (`organisations_display_name_idx`, `organisations_display_name_nl_idx`).
 */
export function nameOrder(locale: Locale, fr: SQLWrapper, nl: SQLWrapper, ...fallbacks: SQLWrapper[]): SQL {
  const [first, second] = locale === 'nl' ? [nl, fr] : [fr, nl];
  return sql`lower(coalesce(${sql.join([first, second, ...fallbacks], sql`, `)}))`;
}

/**
 * How the records of a kind are shown, page by page: the reader joins its tables to `ids` (or
 * `rows`), orders, and names each record. Readers run as the caller (`visible`: a kind scoped to
 * assignees must apply `visibleRows`).
 */
export interface RecordReader {
  kind: RecordKind;
  read(db: Executor, args: RecordReaderArgs): Promise<FigureRecordItem[]>;
  /**
   * Optional: the page and the number of records in one statement (`count(*) over ()`), so the
   * figure's query runs once instead of twice (a page of 8,385 participants at 10× volume).
   * `total` is null when the page is empty (past the last record): the engine then counts.
   */
  readPage?(
    db: Executor,
    args: RecordReaderArgs,
  ): Promise<{ items: FigureRecordItem[]; total: number | null }>;
}

interface Common {
  id: string;
  pole: FigurePole;
  kind: RecordKind;
  /** Bump when the query (or what it means) changes; then `pnpm --filter @smes/api figures:lock`. */
  version: number;
  label: FigureLabel;
  /** Defaults to the kind's (shared/src/record-kinds.ts). */
  sensitive?: boolean;
  filters?: readonly FigureFilter[];
}

export interface QueryFigure extends Common {
  unit: Exclude<FigureUnit, 'difference'>;
  records: RecordsQuery;
  /** The shared sets `records` reads as tables (the engine writes them in the `with` clause). */
  uses?: readonly SharedSet[];
  dimensions?: readonly FigureDimension[];
  /** For a share: the id of the figure this one is a share of. */
  of?: string;
  /**
   * The sector dimension reads the sectors kept on each record (`sectorIds`) instead of its
   * organisation's sectors of today; records without (null) form a row of their own, `apart`.
   */
  sectorsOnRecord?: boolean;
}

export interface DifferenceFigure extends Common {
  unit: 'difference';
  /** Value of `of[0]` minus value of `of[1]`; a difference has no records of its own. */
  of: [string, string];
}

export type FigureDefinitionInput = QueryFigure | DifferenceFigure;
export type FigureDefinition = (QueryFigure | DifferenceFigure) & {
  sensitive: boolean;
  filters: readonly FigureFilter[];
  dimensions: readonly FigureDimension[];
};

/** Declares a figure once: its id, pole, unit, kind, version, labels and its one query. */
export function defineFigure(input: FigureDefinitionInput): FigureDefinition {
  if (input.unit === 'share' && !input.of) throw new Error(`${input.id}: a share names the figure it is of`);
  return {
    ...input,
    sensitive: input.sensitive ?? RECORD_KINDS[input.kind].sensitive,
    filters: input.filters ?? [],
    dimensions: input.unit === 'difference' ? [] : (input.dimensions ?? []),
  } as FigureDefinition;
}

export const isQueryFigure = (f: FigureDefinition): f is FigureDefinition & QueryFigure =>
  f.unit !== 'difference';
