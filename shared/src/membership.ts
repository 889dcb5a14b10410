import { Type, type Static } from 'typebox';
import { Version } from './versions.js';
import { ClientId, PageMeta, PageQuery, Uuid } from './common.js';
import { IsoDate, OrganisationRef, PersonRef } from './atoms.js';
import { ReferenceRef } from './reference.js';
import { Amount } from './money.js';
import { Payment, PaymentChange } from './payments.js';

export const GOVERNANCE_BODIES = ['general_assembly', 'board'] as const;
export const GovernanceBody = Type.Enum(GOVERNANCE_BODIES);
export type GovernanceBody = Static<typeof GovernanceBody>;

export const SEAT_ROLES = ['member', 'co_chair', 'chair', 'director', 'treasurer', 'secretary'] as const;
export const SeatRole = Type.Enum(SEAT_ROLES);
export type SeatRole = Static<typeof SeatRole>;

/** Who holds a membership, a seat or a dues line: an organisation or a person. */
export const Holder = Type.Object({
  kind: Type.Enum(['organisation', 'person']),
  organisation: Type.Union([OrganisationRef, Type.Null()]),
  person: Type.Union([PersonRef, Type.Null()]),
});
export type Holder = Static<typeof Holder>;

const holderInput = {
  organisationId: Type.Optional(Uuid),
  personId: Type.Optional(Uuid),
};

export const Membership = Type.Object({
  version: Version,
  id: Uuid,
  holder: Holder,
  startsOn: IsoDate,
  endsOn: Type.Union([IsoDate, Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  /** For organisations: their sectors, for "members by sector". */
  sectors: Type.Array(ReferenceRef),
});
export type Membership = Static<typeof Membership>;

export const CreateMembershipBody = Type.Object(
  {
    ...ClientId,
    ...holderInput,
    startsOn: IsoDate,
    endsOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateMembershipBody = Static<typeof CreateMembershipBody>;

export const UpdateMembershipBody = Type.Object(
  {
    startsOn: Type.Optional(IsoDate),
    endsOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMembershipBody = Static<typeof UpdateMembershipBody>;

export const MemberListQuery = Type.Object(
  {
    /** Members on this day (default: today). */
    on: Type.Optional(IsoDate),
    kind: Type.Optional(Type.Enum(['organisation', 'person'])),
    sectorId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MemberListQuery = Static<typeof MemberListQuery>;

export const MemberList = Type.Object({ items: Type.Array(Membership), ...PageMeta });
export type MemberList = Static<typeof MemberList>;

export const MemberStatusQuery = Type.Object(
  { ...holderInput, on: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type MemberStatusQuery = Static<typeof MemberStatusQuery>;

export const MemberStatus = Type.Object({
  member: Type.Boolean(),
  on: IsoDate,
  membershipId: Type.Union([Uuid, Type.Null()]),
});
export type MemberStatus = Static<typeof MemberStatus>;

/* Members per sector: the figure `association.members.organisations` by `sector` (decision 9). */

export const Seat = Type.Object({
  version: Version,
  id: Uuid,
  body: GovernanceBody,
  holder: Holder,
  representative: Type.Union([PersonRef, Type.Null()]),
  role: SeatRole,
  startsOn: IsoDate,
  endsOn: Type.Union([IsoDate, Type.Null()]),
});
export type Seat = Static<typeof Seat>;

export const CreateSeatBody = Type.Object(
  {
    ...ClientId,
    body: GovernanceBody,
    ...holderInput,
    representativeId: Type.Optional(Uuid),
    role: SeatRole,
    startsOn: IsoDate,
    endsOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateSeatBody = Static<typeof CreateSeatBody>;

export const UpdateSeatBody = Type.Object(
  {
    role: Type.Optional(SeatRole),
    representativeId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    startsOn: Type.Optional(IsoDate),
    endsOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSeatBody = Static<typeof UpdateSeatBody>;

export const SeatListQuery = Type.Object(
  { body: GovernanceBody, on: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type SeatListQuery = Static<typeof SeatListQuery>;

export const SeatList = Type.Object({ on: IsoDate, items: Type.Array(Seat) });
export type SeatList = Static<typeof SeatList>;

export const DuesLine = Type.Object({
  version: Version,
  id: Uuid,
  year: Type.Integer(),
  holder: Holder,
  amountDue: Amount,
  /** Null while unpaid. */
  payment: Type.Union([Payment, Type.Null()]),
});
export type DuesLine = Static<typeof DuesLine>;

export const DuesListQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    status: Type.Optional(Type.Enum(['all', 'paid', 'unpaid'])),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type DuesListQuery = Static<typeof DuesListQuery>;

export const DuesList = Type.Object({
  items: Type.Array(DuesLine),
  // A year's totals due, paid and outstanding are the figure engine's (`association.dues.*`).
  ...PageMeta,
});
export type DuesList = Static<typeof DuesList>;

export const CreateDuesBody = Type.Object(
  { ...ClientId, year: Type.Integer({ minimum: 1990, maximum: 2100 }), ...holderInput, amountDue: Amount },
  { additionalProperties: false },
);
export type CreateDuesBody = Static<typeof CreateDuesBody>;

export const UpdateDuesBody = Type.Object(
  {
    amountDue: Type.Optional(Amount),
    /** Records the payment (without an amount: the amount due), or undoes it with null. */
    payment: PaymentChange,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDuesBody = Static<typeof UpdateDuesBody>;

/** Creates the year's dues line for every member of that year that has none yet. */
export const GenerateDuesBody = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    organisationAmount: Amount,
    personAmount: Amount,
  },
  { additionalProperties: false },
);
export type GenerateDuesBody = Static<typeof GenerateDuesBody>;

export const GeneratedDues = Type.Object({ created: Type.Integer(), alreadyThere: Type.Integer() });
export type GeneratedDues = Static<typeof GeneratedDues>;
