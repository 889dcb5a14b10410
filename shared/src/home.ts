import { Type, type Static } from 'typebox';
import { Uuid } from './common.js';
import { IsoDate, OrganisationRef } from './atoms.js';

/** A planned intervision session from today on, with its group and host (none yet: null). */
export const HomeSession = Type.Object({
  id: Uuid,
  startsOn: IsoDate,
  group: Type.Object({ id: Uuid, name: Type.String() }),
  host: Type.Union([OrganisationRef, Type.Null()]),
});
export type HomeSession = Static<typeof HomeSession>;

/**
 * What the signed-in person has to do, read under their own access and row scope
 * (`GET /api/home`). A part the caller may not read is absent, not empty: the SPA shows only
 * what is there. Support and Housing First add their parts when those poles are built.
 */
export const HomeToDo = Type.Object({
  /** Connect: the next planned sessions (at most 5), from today in Brussels. */
  sessionsToCome: Type.Optional(Type.Array(HomeSession)),
  /** Connect: fees still to be paid in cycles not yet over, per cycle with at least one. */
  unpaidFees: Type.Optional(
    Type.Array(Type.Object({ cycleId: Uuid, cycleName: Type.String(), count: Type.Integer() })),
  ),
  /** Association: this year's dues not paid yet. */
  unpaidDues: Type.Optional(Type.Object({ year: Type.Integer(), count: Type.Integer() })),
  /** Administrators: active accounts with no second factor set up. */
  usersWithoutSecondFactor: Type.Optional(Type.Integer()),
});
export type HomeToDo = Static<typeof HomeToDo>;
