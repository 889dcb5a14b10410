import { Type, type Static } from 'typebox';
import { Version } from './versions.js';
import { can, type Actor } from './access.js';
import { IsoDateTime, PageMeta, PageQuery, Uuid } from './common.js';
import { FieldError } from './errors.js';
import { mayRead, RECORD_KINDS, RecordRef, type RecordKind } from './record-kinds.js';

/**
 * Every import kind and the record kinds it writes. Importing needs `create` and `update` on
 * their resources; a kind's runs and saved mappings are shown to those who may read them all.
 * Each kind is declared by its module in the API (api/src/modules/import-kinds.ts), which the
 * compiler holds to this list.
 */
export const IMPORT_KIND_WRITES = {
  organisations: ['organisation'],
  people: ['person', 'affiliation'],
  members: ['membership'],
  /** The Support team's own request log (decision 30): the Support pole's alone. */
  support_requests: ['support_request', 'support_person'],
  /** A training edition's participant list, found again by edition and person. */
  support_training_participants: ['support_training_participant'],
  /** A supervision's sessions, found again by supervision and day. */
  support_supervision_sessions: ['support_supervision_session'],
} as const satisfies Record<string, readonly RecordKind[]>;
export type ImportKind = keyof typeof IMPORT_KIND_WRITES;
export const IMPORT_KINDS = Object.keys(IMPORT_KIND_WRITES) as [ImportKind, ...ImportKind[]];
export const ImportKind = Type.Enum(IMPORT_KINDS);

/** Whether the actor may run imports of this kind. */
export function mayImport(actor: Actor, kind: ImportKind): boolean {
  return (
    can(actor, 'imports', 'create') &&
    IMPORT_KIND_WRITES[kind].every((k) => {
      const { resource } = RECORD_KINDS[k];
      return can(actor, resource, 'create') && can(actor, resource, 'update');
    })
  );
}

/** Whether the actor may see the runs and saved mappings of this kind. */
export function mayReadImports(actor: Actor, kind: ImportKind): boolean {
  return can(actor, 'imports', 'read') && IMPORT_KIND_WRITES[kind].every((k) => mayRead(actor, k));
}

export const ImportCounts = Type.Object({
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
});
export type ImportCounts = Static<typeof ImportCounts>;

/** One refused cell or row: the row number Excel shows, the column title as in the file. */
export const ImportRowError = Type.Object({
  row: Type.Integer(),
  column: Type.Union([Type.String(), Type.Null()]),
  field: Type.String(),
  code: FieldError.properties.code,
  /** The value found, when it helps to see it ("Molenbeeck"). */
  value: Type.Optional(Type.String()),
});
export type ImportRowError = Static<typeof ImportRowError>;

/** A row kept with a doubt: the import does it, the person checks (decision 8). */
export const ImportRowWarning = Type.Object({
  row: Type.Integer(),
  column: Type.Union([Type.String(), Type.Null()]),
  field: Type.String(),
  /** postalCodeCommune: the postal code is not one of the commune's. */
  code: Type.Enum(['postalCodeCommune']),
  value: Type.Optional(Type.String()),
});
export type ImportRowWarning = Static<typeof ImportRowWarning>;

export const ImportPreviewRow = Type.Object({
  row: Type.Integer(),
  action: Type.Enum(['create', 'update', 'unchanged']),
  label: Type.String(),
  /**
   * The records already there the row names (found again, or linked to), for the access log
   * when the kind's preview shows sensitive records (decision 21).
   */
  records: Type.Optional(Type.Array(RecordRef)),
  /** A row that creates a record: the records already there with an alike name. */
  candidates: Type.Optional(
    Type.Array(
      Type.Object({
        id: Uuid,
        nameFr: Type.Union([Type.String(), Type.Null()]),
        nameNl: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  ),
});
export type ImportPreviewRow = Static<typeof ImportPreviewRow>;

export const ImportReport = Type.Object({
  kind: ImportKind,
  /** preview: a dry run, nothing written; applied: written whole; rejected: nothing written. */
  status: Type.Enum(['preview', 'applied', 'rejected']),
  runId: Type.Union([Uuid, Type.Null()]),
  file: Type.Object({
    name: Type.String(),
    sha256: Type.String(),
    format: Type.Enum(['csv', 'xlsx']),
    encoding: Type.Union([Type.String(), Type.Null()]),
    delimiter: Type.Union([Type.String(), Type.Null()]),
  }),
  columns: Type.Array(
    Type.Object({ header: Type.String(), field: Type.Union([Type.String(), Type.Null()]) }),
  ),
  missingColumns: Type.Array(Type.String()),
  counts: ImportCounts,
  errors: Type.Array(ImportRowError),
  warnings: Type.Array(ImportRowWarning),
  /** The first rows and what the import does with each. */
  preview: Type.Array(ImportPreviewRow),
});
export type ImportReport = Static<typeof ImportReport>;

export const ImportParams = Type.Object({ kind: ImportKind }, { additionalProperties: false });

export const ImportQuery = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    dryRun: Type.Optional(Type.Boolean({ default: false })),
    mapping: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** Save the columns as read under this name, for the partner's next file. */
    saveMapping: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const TemplateQuery = Type.Object({ lang: Type.Enum(['fr', 'nl']) }, { additionalProperties: false });
export type TemplateQuery = Static<typeof TemplateQuery>;

export const ImportRun = Type.Object({
  id: Uuid,
  kind: ImportKind,
  status: Type.Enum(['applied', 'rejected']),
  fileName: Type.String(),
  fileSha256: Type.String(),
  format: Type.String(),
  mappingName: Type.Union([Type.String(), Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  via: Type.String(),
  counts: ImportCounts,
  at: IsoDateTime,
});
export type ImportRun = Static<typeof ImportRun>;

export const ImportRunList = Type.Object({ items: Type.Array(ImportRun), ...PageMeta });
export type ImportRunList = Static<typeof ImportRunList>;
export const ImportRunListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const ImportMapping = Type.Object({
  version: Version,
  id: Uuid,
  kind: ImportKind,
  name: Type.String(),
  columns: Type.Record(Type.String(), Type.String()),
});
export type ImportMapping = Static<typeof ImportMapping>;
export const ImportMappingList = Type.Object({ items: Type.Array(ImportMapping) });
export type ImportMappingList = Static<typeof ImportMappingList>;

/** The field keys each kind fills, for the SPA's mapping editor and the templates. */
export const ImportFieldList = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      required: Type.Boolean(),
      headerFr: Type.String(),
      headerNl: Type.String(),
    }),
  ),
});
export type ImportFieldList = Static<typeof ImportFieldList>;

export const MappingParams = Type.Object(
  { kind: ImportKind, name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

/** Column title as in the partner's file → field key ('' to ignore the column). */
export const SaveMappingBody = Type.Object(
  {
    columns: Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 60 }), {
      maxProperties: 100,
    }),
  },
  { additionalProperties: false },
);
export type SaveMappingBody = Static<typeof SaveMappingBody>;
