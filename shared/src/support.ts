import { Type, type Static } from 'typebox';
import { ClientId, IsoDateTime, PageMeta, PageQuery, Uuid } from './common.js';
import { IsoDate, literalEnum, OrganisationRef, PersonRef } from './atoms.js';
import { Version } from './versions.js';

/*
 * The Support pole's requests (issue 15): a front-line worker (or a relative, a neighbour…)
 * stuck with someone asks for help; the team answers within a week, discusses the request,
 * goes out in pairs, and closes it. The person concerned is pseudonymous.
 */

/** Initials of a person concerned: up to 4 letters, each with an optional dot (or nothing). */
export const SUPPORT_INITIALS_PATTERN = '^(?:[A-Za-zÀ-ÖØ-öø-ÿ]\\.?){0,4}$';

export const SUPPORT_CHANNELS = ['phone', 'email', 'in_person', 'other'] as const;
export type SupportChannel = (typeof SUPPORT_CHANNELS)[number];
/** A worker from the directory, or a non-professional (counted apart from the sectors). */
export const SUPPORT_REQUESTER_KINDS = [
  'professional',
  'relative',
  'friend',
  'neighbour',
  'shopkeeper',
  'other',
] as const;
export type SupportRequesterKind = (typeof SUPPORT_REQUESTER_KINDS)[number];
export const SUPPORT_GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type SupportGender = (typeof SUPPORT_GENDERS)[number];
export const SUPPORT_AGE_BANDS = ['under_18', '18_25', '26_40', '41_60', 'over_60', 'unknown'] as const;
export type SupportAgeBand = (typeof SUPPORT_AGE_BANDS)[number];
export const SUPPORT_HOUSING = [
  'street',
  'emergency_shelter',
  'staying_with_others',
  'institution',
  'own_home',
  'unknown',
] as const;
export type SupportHousing = (typeof SUPPORT_HOUSING)[number];
/** new → discussed in team → intervention → closed; reopening is an explicit act. */
export const SUPPORT_STATUSES = ['new', 'discussed', 'intervention', 'closed'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const SUPPORT_CLOSE_REASONS = ['unblocked', 'referred', 'withdrawn', 'no_follow_up'] as const;
export type SupportCloseReason = (typeof SUPPORT_CLOSE_REASONS)[number];
export const SUPPORT_ANSWER_HOWS = ['phone', 'email', 'in_person', 'video'] as const;
export type SupportAnswerHow = (typeof SUPPORT_ANSWER_HOWS)[number];
export const SUPPORT_INTERVENTION_PLACES = [
  'requester_service',
  'place_of_life',
  'street',
  'phone_or_video',
] as const;
export type SupportInterventionPlace = (typeof SUPPORT_INTERVENTION_PLACES)[number];
/** The due board's buckets: what is due today, in the coming week, overdue, answered lately. */
export const SUPPORT_DUE_BUCKETS = ['today', 'this_week', 'overdue', 'answered'] as const;
export type SupportDueBucket = (typeof SUPPORT_DUE_BUCKETS)[number];

/** A staff member as Support records name them (the first answer, an intervention's pair). */
export const StaffRef = Type.Object({ id: Uuid, displayName: Type.String() });
export type StaffRef = Static<typeof StaffRef>;

const PersonFields = {
  /** Initials only (up to 4 letters, each with an optional dot: "A.B."), never a name. */
  initials: Type.Optional(
    Type.Union([Type.String({ maxLength: 8, pattern: SUPPORT_INITIALS_PATTERN }), Type.Null()]),
  ),
  gender: Type.Optional(literalEnum(SUPPORT_GENDERS)),
  ageBand: Type.Optional(literalEnum(SUPPORT_AGE_BANDS)),
  housing: Type.Optional(literalEnum(SUPPORT_HOUSING)),
  language: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
};

export const SupportPerson = Type.Object({
  version: Version,
  id: Uuid,
  /** Generated: what lists show instead of a name. */
  code: Type.String(),
  initials: Type.Union([Type.String(), Type.Null()]),
  gender: literalEnum(SUPPORT_GENDERS),
  ageBand: literalEnum(SUPPORT_AGE_BANDS),
  housing: literalEnum(SUPPORT_HOUSING),
  language: Type.Union([Type.String(), Type.Null()]),
  /** Requests about them. */
  requests: Type.Integer({ minimum: 0 }),
});
export type SupportPerson = Static<typeof SupportPerson>;

export const SupportPersonQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 40 }), ...PageQuery },
  { additionalProperties: false },
);
export type SupportPersonQuery = Static<typeof SupportPersonQuery>;
export const SupportPersonList = Type.Object({ items: Type.Array(SupportPerson), ...PageMeta });
export type SupportPersonList = Static<typeof SupportPersonList>;

export const SupportRequester = Type.Object({
  kind: literalEnum(SUPPORT_REQUESTER_KINDS),
  person: Type.Union([PersonRef, Type.Null()]),
  organisation: Type.Union([OrganisationRef, Type.Null()]),
  /** The organisation's sectors on the received day (reference items). */
  sectorIds: Type.Array(Uuid),
  name: Type.Union([Type.String(), Type.Null()]),
  callBack: Type.Union([Type.String(), Type.Null()]),
});
export type SupportRequester = Static<typeof SupportRequester>;

export const SupportFirstAnswer = Type.Object({
  on: IsoDate,
  by: StaffRef,
  how: literalEnum(SUPPORT_ANSWER_HOWS),
});
export type SupportFirstAnswer = Static<typeof SupportFirstAnswer>;

export const SupportIntervention = Type.Object({
  id: Uuid,
  heldOn: IsoDate,
  workers: Type.Array(StaffRef),
  place: literalEnum(SUPPORT_INTERVENTION_PLACES),
  durationMinutes: Type.Union([Type.Integer(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
});
export type SupportIntervention = Static<typeof SupportIntervention>;

/** A request as lists and the due board show it: codes, dates and status, no free text. */
export const SupportRequestSummary = Type.Object({
  version: Version,
  id: Uuid,
  code: Type.String(),
  receivedAt: IsoDateTime,
  dueOn: IsoDate,
  channel: literalEnum(SUPPORT_CHANNELS),
  requesterKind: literalEnum(SUPPORT_REQUESTER_KINDS),
  sectorIds: Type.Array(Uuid),
  /** The person concerned (by their code): a list naming them is logged (decision 21). */
  personId: Uuid,
  personCode: Type.String(),
  status: literalEnum(SUPPORT_STATUSES),
  firstAnswerOn: Type.Union([IsoDate, Type.Null()]),
  /** The first answer came on or before the due date (null: not answered yet). */
  answeredInTime: Type.Union([Type.Boolean(), Type.Null()]),
  closedOn: Type.Union([IsoDate, Type.Null()]),
});
export type SupportRequestSummary = Static<typeof SupportRequestSummary>;

export const SupportRequest = Type.Object({
  version: Version,
  id: Uuid,
  code: Type.String(),
  receivedAt: IsoDateTime,
  dueOn: IsoDate,
  channel: literalEnum(SUPPORT_CHANNELS),
  requester: SupportRequester,
  person: SupportPerson,
  impasse: Type.Union([Type.String(), Type.Null()]),
  status: literalEnum(SUPPORT_STATUSES),
  discussedOn: Type.Union([IsoDate, Type.Null()]),
  firstAnswer: Type.Union([SupportFirstAnswer, Type.Null()]),
  answeredInTime: Type.Union([Type.Boolean(), Type.Null()]),
  closedOn: Type.Union([IsoDate, Type.Null()]),
  closeReason: Type.Union([literalEnum(SUPPORT_CLOSE_REASONS), Type.Null()]),
  interventions: Type.Array(SupportIntervention),
  referrals: Type.Array(OrganisationRef),
  /** The same requester's earlier requests (a professional's, by their directory record). */
  earlierRequests: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      receivedAt: IsoDateTime,
      status: literalEnum(SUPPORT_STATUSES),
    }),
  ),
});
export type SupportRequest = Static<typeof SupportRequest>;

const RequesterInput = Type.Object(
  {
    kind: literalEnum(SUPPORT_REQUESTER_KINDS),
    /** A professional: the person and organisation from the directory. */
    personId: Type.Optional(Uuid),
    organisationId: Type.Optional(Uuid),
    /** A non-professional: a name and a way to call back. */
    name: Type.Optional(Type.String({ maxLength: 200 })),
    callBack: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** Taking a request: five required fields (received on, channel, requester, person, impasse). */
export const CreateSupportRequestBody = Type.Object(
  {
    ...ClientId,
    receivedAt: IsoDateTime,
    channel: literalEnum(SUPPORT_CHANNELS),
    requester: RequesterInput,
    /** `{ id }` of a person already recorded, or what is known of a new one (may be `{}`). */
    person: Type.Object({ id: Type.Optional(Uuid), ...PersonFields }, { additionalProperties: false }),
    impasse: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type CreateSupportRequestBody = Static<typeof CreateSupportRequestBody>;

/** Correcting a request: the fields sent; a new received date recomputes the due date. */
export const UpdateSupportRequestBody = Type.Object(
  {
    receivedAt: Type.Optional(IsoDateTime),
    channel: Type.Optional(literalEnum(SUPPORT_CHANNELS)),
    requester: Type.Optional(RequesterInput),
    person: Type.Optional(Type.Object(PersonFields, { additionalProperties: false })),
    impasse: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
    referralOrganisationIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true, maxItems: 20 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSupportRequestBody = Static<typeof UpdateSupportRequestBody>;

export const SupportFirstAnswerBody = Type.Object(
  { answeredOn: IsoDate, byUserId: Uuid, how: literalEnum(SUPPORT_ANSWER_HOWS) },
  { additionalProperties: false },
);
export type SupportFirstAnswerBody = Static<typeof SupportFirstAnswerBody>;

export const SupportDiscussionBody = Type.Object({ discussedOn: IsoDate }, { additionalProperties: false });
export type SupportDiscussionBody = Static<typeof SupportDiscussionBody>;

export const CreateSupportInterventionBody = Type.Object(
  {
    ...ClientId,
    heldOn: IsoDate,
    /** The pair of Support workers (two different users of the pole). */
    workerIds: Type.Array(Uuid, { minItems: 2, maxItems: 2 }),
    place: literalEnum(SUPPORT_INTERVENTION_PLACES),
    durationMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1440 }), Type.Null()])),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateSupportInterventionBody = Static<typeof CreateSupportInterventionBody>;

/**
 * An intervention corrected (the fields sent): versioned on its request, whose version goes in
 * `If-Match`, since the request answers whole.
 */
export const UpdateSupportInterventionBody = Type.Object(
  {
    heldOn: Type.Optional(CreateSupportInterventionBody.properties.heldOn),
    workerIds: Type.Optional(CreateSupportInterventionBody.properties.workerIds),
    place: Type.Optional(CreateSupportInterventionBody.properties.place),
    durationMinutes: CreateSupportInterventionBody.properties.durationMinutes,
    notes: CreateSupportInterventionBody.properties.notes,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSupportInterventionBody = Static<typeof UpdateSupportInterventionBody>;

export const SupportInterventionParams = Type.Object(
  { id: Uuid, interventionId: Uuid },
  { additionalProperties: false },
);

export const SupportCloseBody = Type.Object(
  { closedOn: IsoDate, reason: literalEnum(SUPPORT_CLOSE_REASONS) },
  { additionalProperties: false },
);
export type SupportCloseBody = Static<typeof SupportCloseBody>;

export const SupportReopenBody = Type.Object({}, { additionalProperties: false });

export const SupportRequestQuery = Type.Object(
  {
    status: Type.Optional(literalEnum(SUPPORT_STATUSES)),
    due: Type.Optional(literalEnum(SUPPORT_DUE_BUCKETS)),
    /** The day the due buckets are counted from (default: today in Brussels). */
    on: Type.Optional(IsoDate),
    personId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SupportRequestQuery = Static<typeof SupportRequestQuery>;
export const SupportRequestList = Type.Object({ items: Type.Array(SupportRequestSummary), ...PageMeta });
export type SupportRequestList = Static<typeof SupportRequestList>;

export const SupportBoardQuery = Type.Object({ on: Type.Optional(IsoDate) }, { additionalProperties: false });
export type SupportBoardQuery = Static<typeof SupportBoardQuery>;
/**
 * The due board on a day: not answered and due that day, due in the coming seven days, overdue;
 * answered in the last seven days (with whether the week was kept).
 */
export const SupportBoard = Type.Object({
  on: IsoDate,
  today: Type.Array(SupportRequestSummary),
  thisWeek: Type.Array(SupportRequestSummary),
  overdue: Type.Array(SupportRequestSummary),
  answered: Type.Array(SupportRequestSummary),
});
export type SupportBoard = Static<typeof SupportBoard>;

/** The due date of a request received at `receivedAt`: its day in Brussels + 7 calendar days. */
export function supportDueOn(receivedAt: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(receivedAt);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 7)).toISOString().slice(0, 10);
}
