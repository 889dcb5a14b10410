import { Type, type Static } from 'typebox';
import { AuditEntry } from './audit.js';
import { IsoDate } from './atoms.js';
import { IsoDateTime, Uuid } from './common.js';
import { RecordKindSchema } from './record-kinds.js';

/**
 * A person's rights over what the directory holds about them (issue 14): the export of
 * everything (art. 15) and the erasure (art. 17), refused while a record kind's legal hold
 * applies. Holds are declared on the kinds (record-kinds.ts, `legalHold`).
 */
export const LEGAL_HOLDS = ['accounting', 'funder_justification'] as const;
export type LegalHold = (typeof LEGAL_HOLDS)[number];

/** What an erasure blanked, per kind (rows stay, so counts stay true). */
export const PersonErasure = Type.Object({
  personId: Uuid,
  erasedOn: IsoDate,
  blanked: Type.Array(Type.Object({ kind: RecordKindSchema, name: Type.String(), count: Type.Integer() })),
});
export type PersonErasure = Static<typeof PersonErasure>;

/** Who read the person's records, from the access log (ids, when, why; never values). */
export const SeenBy = Type.Object({
  at: IsoDateTime,
  userId: Type.Union([Uuid, Type.Null()]),
  role: Type.String(),
  kind: RecordKindSchema,
  recordId: Type.String(),
  purpose: Type.String(),
  /** Breaking the glass: the reason written, and the read flagged to the administrators. */
  reason: Type.Union([Type.String(), Type.Null()]),
  flagged: Type.Boolean(),
});
export type SeenBy = Static<typeof SeenBy>;

/** Everything held about a person (art. 15), gathered per module. */
export const PersonExport = Type.Object({
  generatedAt: IsoDateTime,
  personId: Uuid,
  /** Per module and kind, the rows as stored (column names as in the database). */
  records: Type.Array(
    Type.Object({
      kind: RecordKindSchema,
      name: Type.String(),
      rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    }),
  ),
  /** The audit of changes to the person and to the records pointing at them. */
  changes: Type.Array(AuditEntry),
  /** Who has seen these records (the access log), newest first. */
  seenBy: Type.Array(SeenBy),
});
export type PersonExport = Static<typeof PersonExport>;
