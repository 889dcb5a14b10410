import { Type, type Static } from 'typebox';
import { Version } from './versions.js';
import { ClientId, Uuid } from './common.js';
import { IsoDate, OrganisationRef, PeriodFields, PersonRef, organisationName } from './atoms.js';
import { Amount } from './money.js';
import { Payment, PaymentChange } from './payments.js';

export const GROUP_KINDS = ['intersectoral', 'peer_experts', 'exchange_table'] as const;
export const SESSION_STATUSES = ['planned', 'held', 'held_video', 'cancelled'] as const;
export const REGISTRATION_STATUSES = ['registered', 'waiting', 'withdrawn'] as const;

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const Cycle = Type.Object({
  version: Version,
  id: Uuid,
  name: Type.String(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  memberFee: Amount,
  nonMemberFee: Amount,
});
export type Cycle = Static<typeof Cycle>;

/** A cycle's fee: what the database's `numeric(8,2)` holds, so a typo is a 400 naming the field. */
const Fee = Type.String({ pattern: '^[0-9]{1,6}(\\.[0-9]{1,2})?$' });

export const CreateCycleBody = Type.Object(
  {
    ...ClientId,
    name: Type.String({ minLength: 1, maxLength: 40 }),
    startsOn: IsoDate,
    endsOn: IsoDate,
    memberFee: Type.Optional(Fee),
    nonMemberFee: Type.Optional(Fee),
  },
  { additionalProperties: false },
);
export type CreateCycleBody = Static<typeof CreateCycleBody>;

/** Corrections to a cycle. A new fee applies to registrations made after it; earlier ones keep theirs. */
export const UpdateCycleBody = Type.Partial(Type.Omit(CreateCycleBody, ['id']), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateCycleBody = Static<typeof UpdateCycleBody>;

export const CycleList = Type.Object({ items: Type.Array(Cycle) });
export type CycleList = Static<typeof CycleList>;

export const Group = Type.Object({
  version: Version,
  id: Uuid,
  cycleId: Uuid,
  name: Type.String(),
  kind: Type.Enum(GROUP_KINDS),
  language: Type.Enum(['fr', 'nl']),
  weekday: Type.Integer({ minimum: 1, maximum: 7 }),
  startTime: Time,
  endTime: Time,
  capacity: Type.Integer({ minimum: 1 }),
  facilitators: Type.Array(PersonRef),
  /** Said, not refused: e.g. `facilitatorPairSectors` when the pair is not social + mental health. */
  warnings: Type.Array(Type.String()),
  registered: Type.Integer(),
  waiting: Type.Integer(),
});
export type Group = Static<typeof Group>;

export const CreateGroupBody = Type.Object(
  {
    ...ClientId,
    cycleId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 120 }),
    kind: Type.Enum(GROUP_KINDS),
    language: Type.Enum(['fr', 'nl']),
    weekday: Type.Integer({ minimum: 1, maximum: 7 }),
    startTime: Time,
    endTime: Time,
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    facilitatorIds: Type.Array(Uuid, { maxItems: 2, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CreateGroupBody = Static<typeof CreateGroupBody>;

/** Corrections to a group (its cycle stays). A smaller capacity removes no one already registered. */
export const UpdateGroupBody = Type.Partial(Type.Omit(CreateGroupBody, ['id', 'cycleId']), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateGroupBody = Static<typeof UpdateGroupBody>;

export const Session = Type.Object({
  version: Version,
  id: Uuid,
  groupId: Uuid,
  startsOn: IsoDate,
  host: Type.Union([OrganisationRef, Type.Null()]),
  status: Type.Enum(SESSION_STATUSES),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  /** The registrations marked present at this session. */
  attendance: Type.Array(Uuid),
});
export type Session = Static<typeof Session>;

export const CreateSessionBody = Type.Object(
  { ...ClientId, groupId: Uuid, startsOn: IsoDate, hostOrganisationId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type CreateSessionBody = Static<typeof CreateSessionBody>;

export const UpdateSessionBody = Type.Object(
  {
    startsOn: Type.Optional(IsoDate),
    hostOrganisationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    status: Type.Optional(Type.Enum(SESSION_STATUSES)),
    cancelReason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    /**
     * A session whose day (in Brussels) is still to come is marked held, or a held one moved to
     * such a day, only with this set: the person was asked first (409 `sessionToCome` otherwise).
     */
    confirmToCome: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSessionBody = Static<typeof UpdateSessionBody>;

export const Registration = Type.Object({
  version: Version,
  id: Uuid,
  groupId: Uuid,
  /** Null once the retention job has removed the participant from a past cycle. */
  person: Type.Union([PersonRef, Type.Null()]),
  organisation: OrganisationRef,
  registeredOn: IsoDate,
  status: Type.Enum(REGISTRATION_STATUSES),
  withdrawnOn: Type.Union([IsoDate, Type.Null()]),
  /** Set at registration from membership on that day: the cycle's member or non-member fee. */
  fee: Amount,
  memberRate: Type.Boolean(),
  /** Null while the fee is unpaid. */
  payment: Type.Union([Payment, Type.Null()]),
});
export type Registration = Static<typeof Registration>;

/**
 * Whether a registration counts at a session of `day`: registered on that day or before, and
 * still registered or withdrawn on that day or later (someone who left in December was a
 * participant in October; someone who joined in December was not). The waiting list does not.
 */
export function activeOn(
  registration: Pick<Registration, 'status' | 'registeredOn' | 'withdrawnOn'>,
  day: string,
): boolean {
  if (registration.registeredOn > day) return false;
  if (registration.status === 'registered') return true;
  return (
    registration.status === 'withdrawn' &&
    registration.withdrawnOn !== null &&
    registration.withdrawnOn >= day
  );
}

export const CreateRegistrationBody = Type.Object(
  {
    ...ClientId,
    groupId: Uuid,
    personId: Uuid,
    organisationId: Uuid,
    registeredOn: Type.Optional(IsoDate),
    /** A full group puts the registration on the waiting list instead of refusing it. */
    waitingListIfFull: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type CreateRegistrationBody = Static<typeof CreateRegistrationBody>;

export const UpdateRegistrationBody = Type.Object(
  {
    withdrawnOn: Type.Optional(IsoDate),
    /** Off the waiting list: only from `waiting`, and only while the group has room. */
    status: Type.Optional(Type.Literal('registered')),
    /** Records the fee's payment (without an amount: the fee), or undoes it with null. */
    payment: PaymentChange,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegistrationBody = Static<typeof UpdateRegistrationBody>;

export const GroupDetail = Type.Object({
  group: Group,
  sessions: Type.Array(Session),
  registrations: Type.Array(Registration),
  /** Organisations of registered participants that have not hosted a session (cancelled ones aside). */
  hostsPending: Type.Array(OrganisationRef),
});
export type GroupDetail = Static<typeof GroupDetail>;

export const RegistrationListQuery = Type.Object(
  {
    cycleId: Uuid,
    /**
     * Only the fees owed and not paid yet: registered participants, and withdrawn ones who
     * attended a session (as the figures invoice them); the waiting list owes nothing.
     */
    unpaid: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RegistrationListQuery = Static<typeof RegistrationListQuery>;

export const RegistrationList = Type.Object({
  items: Type.Array(Registration),
  /** The fees of the registrations listed. */
  totalFees: Amount,
});
export type RegistrationList = Static<typeof RegistrationList>;

export const GroupListQuery = Type.Object({ cycleId: Uuid }, { additionalProperties: false });
export type GroupListQuery = Static<typeof GroupListQuery>;

export const GroupList = Type.Object({ items: Type.Array(Group) });
export type GroupList = Static<typeof GroupList>;

export const AttendanceBody = Type.Object(
  {
    registrationIds: Type.Array(Uuid, { uniqueItems: true, maxItems: 60 }),
    /**
     * Attendance marks a planned session held; on a day (in Brussels) still to come, only with
     * this set: the person was asked first (409 `sessionToCome` otherwise, nothing written).
     */
    confirmToCome: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

/**
 * A rule for a group's dates: the n-th (1–5, or -1 for the last) weekday of each month from
 * `from` to `to`, e.g. "second Thursday, October to December". The weekday defaults to the group's.
 */
export const GenerateSessionsBody = Type.Object(
  {
    ...PeriodFields,
    ordinal: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Literal(-1)]),
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    /** Only say which dates the rule gives, create nothing. */
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type GenerateSessionsBody = Static<typeof GenerateSessionsBody>;

export const GeneratedSessions = Type.Object({
  /** The dates the rule gives. */
  dates: Type.Array(IsoDate),
  /** Dates the group already had a session on: left alone. */
  skipped: Type.Array(IsoDate),
  created: Type.Array(Session),
});
export type GeneratedSessions = Static<typeof GeneratedSessions>;

/** Where a session takes place: its host's address, for the schedule and calendars. */
export const HostAddress = Type.Object({
  id: Uuid,
  nameFr: Type.Union([Type.String(), Type.Null()]),
  nameNl: Type.Union([Type.String(), Type.Null()]),
  street: Type.Union([Type.String(), Type.Null()]),
  postalCode: Type.Union([Type.String(), Type.Null()]),
  /** The commune's French and Dutch names, else the city as typed. */
  placeFr: Type.Union([Type.String(), Type.Null()]),
  placeNl: Type.Union([Type.String(), Type.Null()]),
});
export type HostAddress = Static<typeof HostAddress>;

/** "L'Îlot, Rue de la Victoire 12, 1060 Saint-Gilles": what a calendar's LOCATION says. */
export function hostLocation(host: HostAddress, language: 'fr' | 'nl'): string {
  const [place, otherPlace] = language === 'nl' ? [host.placeNl, host.placeFr] : [host.placeFr, host.placeNl];
  const town = [host.postalCode, place ?? otherPlace].filter(Boolean).join(' ');
  return [organisationName(host, language), host.street, town].filter(Boolean).join(', ');
}

/** Every group of a cycle with its sessions, for the printable bilingual schedule. */
export const CycleSchedule = Type.Object({
  cycle: Cycle,
  groups: Type.Array(Type.Object({ group: Group, sessions: Type.Array(Session) })),
  /** The hosts of those sessions, with their addresses. */
  hosts: Type.Array(HostAddress),
});
export type CycleSchedule = Static<typeof CycleSchedule>;

/* A cycle's and a period's figures are the figure engine's (shared/src/figures.ts, decision 9). */

/** What one pass of the retention job removed: participants of cycles whose year has ended. */
export const RetentionRun = Type.Object({
  id: Uuid,
  ranAt: Type.String({ format: 'date-time' }),
  trigger: Type.Enum(['schedule', 'manual']),
  /** Cycles that ended before this day had their participants removed. */
  cutoff: IsoDate,
  cycles: Type.Array(Type.Object({ cycleId: Uuid, name: Type.String(), registrations: Type.Integer() })),
  /** Registrations whose participant was removed in this run. */
  removed: Type.Integer(),
});
export type RetentionRun = Static<typeof RetentionRun>;

export const RetentionRunList = Type.Object({ items: Type.Array(RetentionRun) });
export type RetentionRunList = Static<typeof RetentionRunList>;
