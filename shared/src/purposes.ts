import { Type, type Static } from 'typebox';
import { IsoDateTime, PageMeta, PageQuery, Uuid } from './common.js';
import { RecordKindSchema } from './record-kinds.js';

/**
 * Why someone reads sensitive records, listed once (decision 15). The SPA sends the one that
 * fits the screen in the `X-Purpose` header; the API refuses a sensitive read without one (400
 * PURPOSE_REQUIRED), tells the database (`smes.purpose`) and writes it to the access log.
 */
export const PURPOSES = {
  follow_up: { fr: 'Suivi', nl: 'Opvolging' },
  team_meeting: { fr: "Réunion d'équipe", nl: 'Teamvergadering' },
  report_check: { fr: "Vérification d'un rapport", nl: 'Controle van een rapport' },
  data_subject_request: { fr: 'Demande de la personne concernée', nl: 'Verzoek van de betrokkene' },
  administration: { fr: 'Administration', nl: 'Beheer' },
  /** Reading outside one's own scope: only with a written reason, flagged to administrators. */
  break_glass: { fr: 'Bris de glace', nl: 'Noodtoegang' },
} as const satisfies Record<string, { fr: string; nl: string }>;

export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_KEYS = Object.keys(PURPOSES) as Purpose[];
export const PurposeSchema = Type.Enum(PURPOSE_KEYS as [Purpose, ...Purpose[]]);
export const isPurpose = (value: unknown): value is Purpose =>
  typeof value === 'string' && Object.hasOwn(PURPOSES, value);

/** The request header naming the purpose. */
export const PURPOSE_HEADER = 'x-purpose';
/**
 * The request header carrying the reason for breaking the glass, percent-encoded
 * (`encodeURIComponent`) so that accents travel in a header.
 */
export const BREAK_GLASS_REASON_HEADER = 'x-break-glass-reason';
/** The shortest reason accepted for breaking the glass. */
export const BREAK_GLASS_REASON_MIN = 15;
export const BREAK_GLASS_REASON_MAX = 500;

/** One row of the access log: ids only, never names or values. */
export const AccessLogEntry = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  userId: Uuid,
  /** The reader's name as their account shows it now (null: the account is gone). */
  userName: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  kind: RecordKindSchema,
  recordIds: Type.Array(Type.String()),
  purpose: PurposeSchema,
  reason: Type.Union([Type.String(), Type.Null()]),
  flagged: Type.Boolean(),
  /**
   * A read of one record shown on another's page (a registration on its group's): that
   * record's id, for the link (`recordPath`); null otherwise.
   */
  parentId: Type.Union([Type.String(), Type.Null()]),
});
export type AccessLogEntry = Static<typeof AccessLogEntry>;

export const AccessLogQuery = Type.Object(
  {
    kind: Type.Optional(RecordKindSchema),
    recordId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    userId: Type.Optional(Uuid),
    flagged: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AccessLogQuery = Static<typeof AccessLogQuery>;

export const AccessLogList = Type.Object({ items: Type.Array(AccessLogEntry), ...PageMeta });
export type AccessLogList = Static<typeof AccessLogList>;
