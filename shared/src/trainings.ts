import { Type, type Static } from 'typebox';
import { ClientId, Uuid } from './common.js';
import { IsoDate, literalEnum, OrganisationRef, PersonRef } from './atoms.js';
import { Amount } from './money.js';
import { Payment, PaymentChange } from './payments.js';
import { Version } from './versions.js';

/*
 * The Support pole's trainings (issue 15, decision 29): modules (a title in FR and NL, themes),
 * their editions (one or more days, in a place or by video, organised by Smes or by a partner,
 * a capacity, a fee per participant), participants from the directory (or only a count when a
 * partner organised it) and who was present each day.
 */

export const TRAINING_ORGANISERS = ['smes', 'partner'] as const;
export type TrainingOrganiser = (typeof TRAINING_ORGANISERS)[number];
export const TRAINING_FORMATS = ['in_person', 'video'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

const Title = Type.String({ minLength: 1, maxLength: 200 });
const Theme = Type.String({ minLength: 1, maxLength: 80 });

export const TrainingModule = Type.Object({
  version: Version,
  id: Uuid,
  titleFr: Type.String(),
  titleNl: Type.String(),
  themes: Type.Array(Type.String()),
  /** Its editions. */
  editions: Type.Integer({ minimum: 0 }),
});
export type TrainingModule = Static<typeof TrainingModule>;

export const TrainingModuleList = Type.Object({ items: Type.Array(TrainingModule) });
export type TrainingModuleList = Static<typeof TrainingModuleList>;

export const CreateTrainingModuleBody = Type.Object(
  {
    ...ClientId,
    titleFr: Title,
    titleNl: Title,
    themes: Type.Optional(Type.Array(Theme, { maxItems: 12, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateTrainingModuleBody = Static<typeof CreateTrainingModuleBody>;

export const UpdateTrainingModuleBody = Type.Object(
  {
    titleFr: Type.Optional(Title),
    titleNl: Type.Optional(Title),
    themes: Type.Optional(Type.Array(Theme, { maxItems: 12, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTrainingModuleBody = Static<typeof UpdateTrainingModuleBody>;

export const TrainingSession = Type.Object({
  id: Uuid,
  heldOn: IsoDate,
  /** The participants present that day. */
  presentIds: Type.Array(Uuid),
});
export type TrainingSession = Static<typeof TrainingSession>;

export const TrainingParticipant = Type.Object({
  version: Version,
  id: Uuid,
  editionId: Uuid,
  person: PersonRef,
  organisation: OrganisationRef,
  /** The organisation's sectors on the registration day (reference items). */
  sectorIds: Type.Array(Uuid),
  registeredOn: IsoDate,
  /** The edition's fee when they registered (null: free). */
  fee: Type.Union([Amount, Type.Null()]),
  payment: Type.Union([Payment, Type.Null()]),
});
export type TrainingParticipant = Static<typeof TrainingParticipant>;

/** An edition as lists show it. */
export const TrainingEditionSummary = Type.Object({
  version: Version,
  id: Uuid,
  moduleId: Uuid,
  module: Type.Object({ titleFr: Type.String(), titleNl: Type.String() }),
  organiser: literalEnum(TRAINING_ORGANISERS),
  partner: Type.Union([OrganisationRef, Type.Null()]),
  format: literalEnum(TRAINING_FORMATS),
  place: Type.Union([Type.String(), Type.Null()]),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  fee: Type.Union([Amount, Type.Null()]),
  /** Its days, in order. */
  days: Type.Array(IsoDate),
  /** Named participants, or the partner's count when none is named. */
  participants: Type.Integer({ minimum: 0 }),
  participantCount: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type TrainingEditionSummary = Static<typeof TrainingEditionSummary>;

export const TrainingEditionList = Type.Object({ items: Type.Array(TrainingEditionSummary) });
export type TrainingEditionList = Static<typeof TrainingEditionList>;

export const TrainingEditionQuery = Type.Object(
  { moduleId: Type.Optional(Uuid), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type TrainingEditionQuery = Static<typeof TrainingEditionQuery>;

export const TrainingEdition = Type.Object({
  ...TrainingEditionSummary.properties,
  sessions: Type.Array(TrainingSession),
  participantList: Type.Array(TrainingParticipant),
});
export type TrainingEdition = Static<typeof TrainingEdition>;

const EditionFields = {
  organiser: literalEnum(TRAINING_ORGANISERS),
  /** The partner that organised it (a federation…): required exactly when `organiser` is `partner`. */
  partnerOrganisationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  format: literalEnum(TRAINING_FORMATS),
  place: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()])),
  /** The fee per participant (null or absent: free). */
  fee: Type.Optional(Type.Union([Amount, Type.Null()])),
  /** A partner's edition whose participants are not named: how many came. */
  participantCount: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1000 }), Type.Null()])),
  /** Its days (one or more). */
  days: Type.Array(IsoDate, { minItems: 1, maxItems: 30, uniqueItems: true }),
};

export const CreateTrainingEditionBody = Type.Object(
  { ...ClientId, moduleId: Uuid, ...EditionFields },
  { additionalProperties: false },
);
export type CreateTrainingEditionBody = Static<typeof CreateTrainingEditionBody>;

export const UpdateTrainingEditionBody = Type.Object(
  {
    organiser: Type.Optional(EditionFields.organiser),
    partnerOrganisationId: EditionFields.partnerOrganisationId,
    format: Type.Optional(EditionFields.format),
    place: EditionFields.place,
    capacity: EditionFields.capacity,
    fee: EditionFields.fee,
    participantCount: EditionFields.participantCount,
    days: Type.Optional(EditionFields.days),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTrainingEditionBody = Static<typeof UpdateTrainingEditionBody>;

export const CreateTrainingParticipantBody = Type.Object(
  {
    ...ClientId,
    personId: Uuid,
    organisationId: Uuid,
    /** Default: today in Brussels. */
    registeredOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type CreateTrainingParticipantBody = Static<typeof CreateTrainingParticipantBody>;

export const UpdateTrainingParticipantBody = Type.Object(
  {
    /** Records the fee's payment (without an amount: the fee), or undoes it with null. */
    payment: PaymentChange,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTrainingParticipantBody = Static<typeof UpdateTrainingParticipantBody>;

export const TrainingSessionParams = Type.Object(
  { id: Uuid, sessionId: Uuid },
  { additionalProperties: false },
);

/** Who was present at a session: the participants listed, the others absent. */
export const TrainingAttendanceBody = Type.Object(
  { participantIds: Type.Array(Uuid, { uniqueItems: true, maxItems: 1000 }) },
  { additionalProperties: false },
);
export type TrainingAttendanceBody = Static<typeof TrainingAttendanceBody>;
