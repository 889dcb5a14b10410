import { Type, type Static } from 'typebox';
import { Locale, PageMeta, PageQuery, Uuid } from './common.js';
import { IsoDate, PeriodFields } from './atoms.js';
import { RecordKindSchema } from './record-kinds.js';

/**
 * The figure engine's contract (api/src/modules/reports/figures, decision 9). A figure is
 * declared once, counted by query for any period, and opens to the records behind it.
 * The API answers structured data (ids, FR and NL names, ISO dates); the SPA formats them. Records
 * come in one order across pages: the API sorts names in the language the SPA asks for (`locale`).
 */
export const FIGURE_POLES = ['connect', 'association', 'support', 'housing-first'] as const;
export const FigurePole = Type.Enum(FIGURE_POLES);
export type FigurePole = Static<typeof FigurePole>;

/**
 * count: rows; share: this figure's rows over another figure's value (0–1); average, median:
 * of a number on each row; difference: one figure's value minus another's; money: a sum in
 * euros (a number with cents); minutes: a sum of minutes.
 */
export const FIGURE_UNITS = [
  'count',
  'share',
  'average',
  'median',
  'difference',
  'money',
  'minutes',
] as const;
export const FigureUnit = Type.Enum(FIGURE_UNITS);
export type FigureUnit = Static<typeof FigureUnit>;

/** Breakdowns written once and reused by any figure whose records carry what they need. */
export const FIGURE_DIMENSIONS = ['sector', 'commune', 'language', 'year'] as const;
export const FigureDimension = Type.Enum(FIGURE_DIMENSIONS);
export type FigureDimension = Static<typeof FigureDimension>;

/** Optional filters a figure may accept (`teamId` joins with Support and Housing First). */
export const FIGURE_FILTERS = ['cycleId'] as const;
export const FigureFilter = Type.Enum(FIGURE_FILTERS);
export type FigureFilter = Static<typeof FigureFilter>;

export const FigureLabel = Type.Object({ fr: Type.String(), nl: Type.String() });
export type FigureLabel = Static<typeof FigureLabel>;

/** A figure id: the pole, the module, the figure (`connect.intervision.participants`). */
export const FigureId = Type.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$', maxLength: 100 });

export const FigureInfo = Type.Object({
  id: Type.String(),
  pole: FigurePole,
  unit: FigureUnit,
  kind: RecordKindSchema,
  sensitive: Type.Boolean(),
  version: Type.Integer({ minimum: 1 }),
  label: FigureLabel,
  dimensions: Type.Array(FigureDimension),
  filters: Type.Array(FigureFilter),
  /** For a share: the figure it is a share of; for a difference: the two figures (a − b). */
  of: Type.Optional(Type.Array(Type.String())),
  /** False for a difference, which has no records of its own (open its two figures). */
  hasRecords: Type.Boolean(),
});
export type FigureInfo = Static<typeof FigureInfo>;

export const FigureCatalogue = Type.Array(FigureInfo);
export type FigureCatalogue = Static<typeof FigureCatalogue>;

/** The period (both days included) and filters every figure query takes. */
const periodFields = {
  ...PeriodFields,
  cycleId: Type.Optional(Uuid),
};

export const FigureValuesQuery = Type.Object(
  {
    ...periodFields,
    /** Comma-separated figure ids; every figure when absent. */
    ids: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);
export type FigureValuesQuery = Static<typeof FigureValuesQuery>;

export const FigureValue = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  /** Null when there is nothing to divide by, or the figure does not take a filter asked for. */
  value: Type.Union([Type.Number(), Type.Null()]),
  numerator: Type.Optional(Type.Number()),
  denominator: Type.Optional(Type.Number()),
});
export type FigureValue = Static<typeof FigureValue>;

export const FigureValues = Type.Object({ ...PeriodFields, values: Type.Array(FigureValue) });
export type FigureValues = Static<typeof FigureValues>;

export const FigureParams = Type.Object({ id: FigureId }, { additionalProperties: false });
export type FigureParams = Static<typeof FigureParams>;

export const FigureBreakdownParams = Type.Object(
  { id: FigureId, dimension: Type.String({ maxLength: 40 }) },
  { additionalProperties: false },
);
export type FigureBreakdownParams = Static<typeof FigureBreakdownParams>;

export const FigureRecordsQuery = Type.Object(
  {
    ...periodFields,
    ...PageQuery,
    /** Only the records in one row of a breakdown: both or neither (`dimension=sector&key=<id>`). */
    dimension: Type.Optional(Type.String({ maxLength: 40 })),
    key: Type.Optional(Type.String({ maxLength: 100 })),
    /** The language names are sorted in, across pages (an organisation known in both by its NL name in `nl`); `fr` by default. */
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type FigureRecordsQuery = Static<typeof FigureRecordsQuery>;

export const FigureBreakdownQuery = Type.Object({ ...periodFields }, { additionalProperties: false });
export type FigureBreakdownQuery = Static<typeof FigureBreakdownQuery>;

/** A name in the directory's two languages; either may be missing (an organisation known in NL only). */
export const LocalName = Type.Object({ fr: Type.Optional(Type.String()), nl: Type.Optional(Type.String()) });
export type LocalName = Static<typeof LocalName>;

/**
 * One record behind a figure. `name`: a FR/NL name, a name that is the same in both languages
 * (a person, a group), or null when the retention job removed the person. `parentId`: the
 * record the SPA shows it on (a registration on its group's page), for `recordPath`.
 */
export const FigureRecordItem = Type.Object({
  kind: RecordKindSchema,
  id: Type.String(),
  name: Type.Union([LocalName, Type.String(), Type.Null()]),
  date: Type.Optional(IsoDate),
  parentId: Type.Optional(Type.String()),
  organisation: Type.Optional(Type.Object({ id: Type.String(), name: LocalName })),
  group: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() })),
  status: Type.Optional(Type.String()),
  /** Euros with cents, as a number. */
  amount: Type.Optional(Type.Number()),
  /** What was paid (the payment's amount, euros with cents as a number), when paid. */
  paid: Type.Optional(Type.Number()),
  endsOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  /** A line more (a representation meeting's body). */
  detail: Type.Optional(Type.String()),
});
export type FigureRecordItem = Static<typeof FigureRecordItem>;

export const FigureRecordPage = Type.Object({ ...PageMeta, items: Type.Array(FigureRecordItem) });
export type FigureRecordPage = Static<typeof FigureRecordPage>;

export const FigureBreakdownRow = Type.Object({
  key: Type.String(),
  label: FigureLabel,
  value: Type.Number(),
  /** value / the figure's value, 4 decimals; shares may add up to more than 1 (two sectors). */
  share: Type.Union([Type.Number(), Type.Null()]),
});
export type FigureBreakdownRow = Static<typeof FigureBreakdownRow>;

export const FigureBreakdown = Type.Object({
  dimension: FigureDimension,
  rows: Type.Array(FigureBreakdownRow),
});
export type FigureBreakdown = Static<typeof FigureBreakdown>;
