import { Type, type Static } from 'typebox';
import { Version } from './versions.js';
import { ClientId, Uuid } from './common.js';
import { IsoDate, PersonRef } from './atoms.js';

/** A representation or concertation meeting Smes attended: a simple log, counted per year. */
export const RepresentationMeeting = Type.Object({
  version: Version,
  id: Uuid,
  heldOn: IsoDate,
  /** The body met (a council, a platform, a working group). */
  body: Type.String(),
  topic: Type.String(),
  /** Who went, from the directory. */
  attendees: Type.Array(PersonRef),
  notes: Type.Union([Type.String(), Type.Null()]),
});
export type RepresentationMeeting = Static<typeof RepresentationMeeting>;

export const CreateRepresentationMeetingBody = Type.Object(
  {
    ...ClientId,
    heldOn: IsoDate,
    body: Type.String({ minLength: 1, maxLength: 200 }),
    topic: Type.String({ minLength: 1, maxLength: 500 }),
    attendeeIds: Type.Array(Uuid, { uniqueItems: true, maxItems: 20 }),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateRepresentationMeetingBody = Static<typeof CreateRepresentationMeetingBody>;

export const UpdateRepresentationMeetingBody = Type.Partial(
  Type.Omit(CreateRepresentationMeetingBody, ['id']),
  {
    additionalProperties: false,
    minProperties: 1,
  },
);
export type UpdateRepresentationMeetingBody = Static<typeof UpdateRepresentationMeetingBody>;

export const RepresentationMeetingQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type RepresentationMeetingQuery = Static<typeof RepresentationMeetingQuery>;

export const RepresentationMeetingList = Type.Object({
  items: Type.Array(RepresentationMeeting),
  /** Meetings between `from` and `to` (all when not given). */
  total: Type.Integer(),
  // Meetings per year: the figure `connect.representation.meetings` by `year` (decision 9).
});
export type RepresentationMeetingList = Static<typeof RepresentationMeetingList>;
