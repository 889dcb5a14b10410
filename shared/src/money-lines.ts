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
  /** The grant or analytic code the line is booked on; null while the module has none. */
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
