import { Type, type Static } from 'typebox';
import { ClientId, IsoDateTime, Uuid } from './common.js';
import { PeriodFields } from './atoms.js';

/** A name in both languages, as it read on the day a report was saved. */
const Bilingual = Type.Object({ fr: Type.String(), nl: Type.String() });

/** One bar of a breakdown as it was shown (a sector, a commune…) with its label that day. */
export const SavedBreakdownRow = Type.Object({
  key: Type.String(),
  label: Bilingual,
  value: Type.Number(),
  /** Of the figure's value, 0–1; null when the figure was zero. */
  share: Type.Union([Type.Number(), Type.Null()]),
});
export type SavedBreakdownRow = Static<typeof SavedBreakdownRow>;

export const SavedBreakdown = Type.Object({
  dimension: Type.String(),
  rows: Type.Array(SavedBreakdownRow),
});
export type SavedBreakdown = Static<typeof SavedBreakdown>;

/** A figure as it was sent: its definition's version, its value and its wording that day. */
export const SavedFigure = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  pole: Type.String(),
  unit: Type.String(),
  /** For a share, the figure it is a share of; for a difference, the two figures (a − b). */
  of: Type.Optional(Type.Array(Type.String())),
  label: Bilingual,
  value: Type.Union([Type.Number(), Type.Null()]),
  numerator: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  denominator: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  breakdowns: Type.Array(SavedBreakdown),
});
export type SavedFigure = Static<typeof SavedFigure>;

/** Aggregates only: no record, no name of anyone the figures count. */
export const SavedReport = Type.Object({
  id: Uuid,
  title: Type.String(),
  ...PeriodFields,
  savedAt: IsoDateTime,
  savedBy: Type.Object({ id: Type.Union([Uuid, Type.Null()]), name: Type.String() }),
  figures: Type.Array(SavedFigure),
});
export type SavedReport = Static<typeof SavedReport>;

export const SavedReportSummary = Type.Omit(SavedReport, ['figures']);
export type SavedReportSummary = Static<typeof SavedReportSummary>;

export const SavedReportList = Type.Object({
  items: Type.Array(SavedReportSummary),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
});
export type SavedReportList = Static<typeof SavedReportList>;

export const SavedReportListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type SavedReportListQuery = Static<typeof SavedReportListQuery>;

/**
 * What to save: the period, which figures (all by default) and which breakdowns were shown.
 * No value: the server computes them itself.
 */
export const CreateSavedReportBody = Type.Object(
  {
    ...ClientId,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    ...PeriodFields,
    figureIds: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), { uniqueItems: true, maxItems: 500 }),
    ),
    breakdowns: Type.Optional(
      Type.Array(
        Type.Object(
          { figureId: Type.String({ maxLength: 100 }), dimension: Type.String({ maxLength: 50 }) },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateSavedReportBody = Static<typeof CreateSavedReportBody>;

/** A bar of a breakdown sent with the report whose value differs today (0 when the bar is gone). */
export const SavedBreakdownChange = Type.Object({
  dimension: Type.String(),
  key: Type.String(),
  /** As it read when saved, or today's label for a bar that was not in the report. */
  label: Bilingual,
  stored: Type.Number(),
  current: Type.Number(),
  delta: Type.Number(),
});
export type SavedBreakdownChange = Static<typeof SavedBreakdownChange>;

/**
 * A figure whose value today differs from the one sent, whose definition changed since, or one
 * of whose breakdown's bars moved (an organisation's sectors corrected: same total, other bars).
 */
export const SavedReportChange = Type.Object({
  id: Type.String(),
  label: Bilingual,
  unit: Type.String(),
  stored: Type.Union([Type.Number(), Type.Null()]),
  /** Null when the figure no longer exists or cannot be computed. */
  current: Type.Union([Type.Number(), Type.Null()]),
  /** current − stored, when both are numbers. */
  delta: Type.Union([Type.Number(), Type.Null()]),
  storedVersion: Type.Integer(),
  /** Null when the figure no longer exists. */
  currentVersion: Type.Union([Type.Integer(), Type.Null()]),
  breakdowns: Type.Array(SavedBreakdownChange),
});
export type SavedReportChange = Static<typeof SavedReportChange>;

export const SavedReportChanges = Type.Object({
  /** When the values were computed again. */
  checkedAt: IsoDateTime,
  changes: Type.Array(SavedReportChange),
});
export type SavedReportChanges = Static<typeof SavedReportChanges>;
