import { Type, type Static } from 'typebox';
import { ClientId, PageMeta, PageQuery, Uuid } from './common.js';
import { IsoDate, OrganisationRef } from './atoms.js';
import { Amount } from './money.js';
import { Payment, PaymentChange } from './payments.js';
import { StaffRef } from './support.js';
import { Version } from './versions.js';

/*
 * Support's supervisions (issue 15, decision 28): a team of another organisation asks Support to
 * supervise it; the agreement (start, planned sessions, fee if any) and its sessions, each led
 * by a pair of Support workers, held (with the number of participants) or cancelled with a reason.
 * They name teams, not people: not sensitive.
 */

export const SUPERVISION_SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type SupervisionSessionStatus = (typeof SUPERVISION_SESSION_STATUSES)[number];
const SessionStatus = Type.Enum(
  SUPERVISION_SESSION_STATUSES as unknown as [SupervisionSessionStatus, ...SupervisionSessionStatus[]],
);

export const SupervisionSession = Type.Object({
  version: Version,
  id: Uuid,
  supervisionId: Uuid,
  startsOn: IsoDate,
  /** The pair of Support workers who lead it. */
  workers: Type.Array(StaffRef),
  status: SessionStatus,
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  /** How many of the team took part (a held session). */
  participants: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type SupervisionSession = Static<typeof SupervisionSession>;

const AgreementFields = {
  /** The team's name inside its organisation ("Cellule logement", "Équipe de nuit"). */
  team: Type.String({ minLength: 1, maxLength: 200 }),
  startsOn: IsoDate,
  plannedSessions: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()])),
  /** The agreed fee, if any (a money line once paid). */
  fee: Type.Optional(Type.Union([Amount, Type.Null()])),
  notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
};

/** A supervision as its list shows it: the team, the agreement, how far it went. */
export const SupervisionSummary = Type.Object({
  version: Version,
  id: Uuid,
  organisation: OrganisationRef,
  team: Type.String(),
  startsOn: IsoDate,
  plannedSessions: Type.Union([Type.Integer(), Type.Null()]),
  heldSessions: Type.Integer({ minimum: 0 }),
  /** The next planned session's day, if any. */
  nextSessionOn: Type.Union([IsoDate, Type.Null()]),
});
export type SupervisionSummary = Static<typeof SupervisionSummary>;

export const Supervision = Type.Object({
  version: Version,
  id: Uuid,
  organisation: OrganisationRef,
  team: Type.String(),
  startsOn: IsoDate,
  plannedSessions: Type.Union([Type.Integer(), Type.Null()]),
  fee: Type.Union([Amount, Type.Null()]),
  payment: Type.Union([Payment, Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  heldSessions: Type.Integer({ minimum: 0 }),
  /** In date order. */
  sessions: Type.Array(SupervisionSession),
});
export type Supervision = Static<typeof Supervision>;

export const CreateSupervisionBody = Type.Object(
  { ...ClientId, organisationId: Uuid, ...AgreementFields },
  { additionalProperties: false },
);
export type CreateSupervisionBody = Static<typeof CreateSupervisionBody>;

/** Correcting the agreement (the fields sent); `payment` records the fee's payment or undoes it. */
export const UpdateSupervisionBody = Type.Object(
  {
    organisationId: Type.Optional(Uuid),
    team: Type.Optional(AgreementFields.team),
    startsOn: Type.Optional(IsoDate),
    plannedSessions: AgreementFields.plannedSessions,
    fee: AgreementFields.fee,
    notes: AgreementFields.notes,
    payment: PaymentChange,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSupervisionBody = Static<typeof UpdateSupervisionBody>;

export const SupervisionQuery = Type.Object(
  {
    /** Part of the team's or the organisation's name. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SupervisionQuery = Static<typeof SupervisionQuery>;
export const SupervisionList = Type.Object({ items: Type.Array(SupervisionSummary), ...PageMeta });
export type SupervisionList = Static<typeof SupervisionList>;

const SessionFields = {
  startsOn: IsoDate,
  /** The pair of Support workers (two different users of the pole). */
  workerIds: Type.Array(Uuid, { minItems: 2, maxItems: 2 }),
  status: Type.Optional(SessionStatus),
  cancelReason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  participants: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 500 }), Type.Null()])),
  /**
   * A session still to come is held only with this (decision 15): the SPA asks first. Not stored.
   */
  confirmToCome: Type.Optional(Type.Boolean()),
};

export const CreateSupervisionSessionBody = Type.Object(
  { ...ClientId, ...SessionFields },
  { additionalProperties: false },
);
export type CreateSupervisionSessionBody = Static<typeof CreateSupervisionSessionBody>;

export const UpdateSupervisionSessionBody = Type.Object(
  {
    startsOn: Type.Optional(SessionFields.startsOn),
    workerIds: Type.Optional(SessionFields.workerIds),
    status: SessionFields.status,
    cancelReason: SessionFields.cancelReason,
    participants: SessionFields.participants,
    confirmToCome: SessionFields.confirmToCome,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSupervisionSessionBody = Static<typeof UpdateSupervisionSessionBody>;

/** The Support pole's workers and coordinators, who may lead a session. */
export const SupportStaffList = Type.Object({ items: Type.Array(StaffRef) });
export type SupportStaffList = Static<typeof SupportStaffList>;
