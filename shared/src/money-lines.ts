import { Type, type Static } from 'typebox';
import { Uuid } from './common.js';
import { IsoDate, OrganisationRef } from './atoms.js';
import { Amount } from './money.js';
import { RecordKindSchema } from './record-kinds.js';

/**
 * A line of money a module received (or, later, spent) on a day: what the accounting export
 * gathers. Each module declares how to list its lines for a period (api/src/modules/money-lines.ts).
 */
export const MoneyLine = Type.Object({
  /** The declaration that listed it (`association.dues`, `connect.intervision.fees`…). */
  source: Type.String(),
  date: IsoDate,
  /** Positive for money received. */
  amount: Amount,
  /** The organisation that paid; null when a person paid in their own name. */
  counterparty: Type.Union([OrganisationRef, Type.Null()]),
  /** What for, in both languages ("Cotisation 2031", "Lidgeld 2031"). */
  label: Type.Object({ fr: Type.String(), nl: Type.String() }),
  /**
   * The grant or analytic code the line is booked on: the one the accountant set for its source
   * (`GET/PUT /api/analytic-codes`, decision 23); null while none is set.
   */
  analyticCode: Type.Union([Type.String(), Type.Null()]),
  recordKind: RecordKindSchema,
  recordId: Uuid,
});
export type MoneyLine = Static<typeof MoneyLine>;

export const MoneyLineQuery = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });
export type MoneyLineQuery = Static<typeof MoneyLineQuery>;

export const MoneyLineList = Type.Object({
  from: IsoDate,
  to: IsoDate,
  /** By date, then source. */
  items: Type.Array(MoneyLine),
  /** The lines' sum, added in cents. */
  total: Amount,
});
export type MoneyLineList = Static<typeof MoneyLineList>;

/** An analytic code's value: letters, digits and `.-_/ ` (an accounting package's code). */
export const AnalyticCodeValue = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._/ -]*$',
});

/**
 * The analytic code the money lines of one source are booked on, set by the accountant
 * (decision 23). `id` is the money lines' source; a source never set reads `code: null`, version 1.
 */
export const AnalyticCode = Type.Object({
  id: Type.String(),
  /** What the source's lines are, in both languages ("Cotisations", "Lidgeld"). */
  label: Type.Object({ fr: Type.String(), nl: Type.String() }),
  recordKind: RecordKindSchema,
  code: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer({ minimum: 1 }),
});
export type AnalyticCode = Static<typeof AnalyticCode>;

export const AnalyticCodeList = Type.Object({ items: Type.Array(AnalyticCode) });
export type AnalyticCodeList = Static<typeof AnalyticCodeList>;

export const AnalyticCodeParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
export type AnalyticCodeParams = Static<typeof AnalyticCodeParams>;

/** Setting a source's code (null: none, its lines then carry none). */
export const UpdateAnalyticCodeBody = Type.Object(
  { code: Type.Union([AnalyticCodeValue, Type.Null()]) },
  { additionalProperties: false },
);
export type UpdateAnalyticCodeBody = Static<typeof UpdateAnalyticCodeBody>;
