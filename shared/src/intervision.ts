import { Type, type Static } from 'typebox';
import { Uuid } from './common.js';
import { IsoDate, OrganisationRef } from './directory.js';
import { Amount, PersonRef } from './membership.js';

export const GROUP_KINDS = ['intersectoral', 'peer_experts', 'exchange_table'] as const;
export const SESSION_STATUSES = ['planned', 'held', 'held_video', 'cancelled'] as const;
export const REGISTRATION_STATUSES = ['registered', 'waiting', 'withdrawn'] as const;

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const Cycle = Type.Object({
  id: Uuid,
  name: Type.String(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  memberFee: Amount,
  nonMemberFee: Amount,
});
export type Cycle = Static<typeof Cycle>;

export const CreateCycleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    startsOn: IsoDate,
    endsOn: IsoDate,
    memberFee: Type.Optional(Amount),
    nonMemberFee: Type.Optional(Amount),
  },
  { additionalProperties: false },
);
export type CreateCycleBody = Static<typeof CreateCycleBody>;

export const CycleList = Type.Object({ items: Type.Array(Cycle) });
export type CycleList = Static<typeof CycleList>;

export const Group = Type.Object({
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

export const Session = Type.Object({
  id: Uuid,
  groupId: Uuid,
  startsOn: IsoDate,
  host: Type.Union([OrganisationRef, Type.Null()]),
  status: Type.Enum(SESSION_STATUSES),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
});
export type Session = Static<typeof Session>;

export const CreateSessionBody = Type.Object(
  { groupId: Uuid, startsOn: IsoDate, hostOrganisationId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type CreateSessionBody = Static<typeof CreateSessionBody>;

export const UpdateSessionBody = Type.Object(
  {
    startsOn: Type.Optional(IsoDate),
    hostOrganisationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    status: Type.Optional(Type.Enum(SESSION_STATUSES)),
    cancelReason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSessionBody = Static<typeof UpdateSessionBody>;

export const Registration = Type.Object({
  id: Uuid,
  groupId: Uuid,
  person: PersonRef,
  organisation: OrganisationRef,
  registeredOn: IsoDate,
  status: Type.Enum(REGISTRATION_STATUSES),
  withdrawnOn: Type.Union([IsoDate, Type.Null()]),
  /** Set at registration from membership on that day: the cycle's member or non-member fee. */
  fee: Amount,
  memberRate: Type.Boolean(),
  paidOn: Type.Union([IsoDate, Type.Null()]),
  paymentReference: Type.Union([Type.String(), Type.Null()]),
});
export type Registration = Static<typeof Registration>;

export const CreateRegistrationBody = Type.Object(
  {
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
    paidOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    paymentReference: Type.Optional(Type.Union([Type.String({ maxLength: 140 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegistrationBody = Static<typeof UpdateRegistrationBody>;

export const GroupDetail = Type.Object({
  group: Group,
  sessions: Type.Array(Session),
  registrations: Type.Array(Registration),
});
export type GroupDetail = Static<typeof GroupDetail>;

export const RegistrationListQuery = Type.Object(
  {
    cycleId: Uuid,
    /** Only registrations whose fee is not paid yet (withdrawn and waiting ones left out). */
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
