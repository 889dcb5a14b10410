import { Type, type Static } from 'typebox';
import { Version } from './versions.js';
import { FieldError } from './errors.js';
import { RecordKindSchema } from './record-kinds.js';
import { ClientId, IsoDateTime, PageMeta, PageQuery, Uuid } from './common.js';
import { ReferenceRef } from './reference.js';
import { IsoDate, OrganisationRef } from './atoms.js';

const Name = Type.String({ minLength: 1, maxLength: 300 });
const Optional = <T extends Parameters<typeof Type.Optional>[0]>(t: T) =>
  Type.Optional(Type.Union([t, Type.Null()]));
const LanguageCode = Type.String({ pattern: '^[a-z_]{2,20}$' });

export const Organisation = Type.Object({
  version: Version,
  id: Uuid,
  nameFr: Type.Union([Type.String(), Type.Null()]),
  nameNl: Type.Union([Type.String(), Type.Null()]),
  sectors: Type.Array(ReferenceRef),
  types: Type.Array(ReferenceRef),
  street: Type.Union([Type.String(), Type.Null()]),
  postalCode: Type.Union([Type.String(), Type.Null()]),
  commune: Type.Union([ReferenceRef, Type.Null()]),
  city: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  closedOn: Type.Union([IsoDate, Type.Null()]),
  externalRef: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Organisation = Static<typeof Organisation>;

const organisationFields = {
  nameFr: Optional(Name),
  nameNl: Optional(Name),
  sectorIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true, maxItems: 20 })),
  typeIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true, maxItems: 20 })),
  street: Optional(Type.String({ maxLength: 300 })),
  postalCode: Optional(Type.String({ pattern: '^[0-9]{4,5}$' })),
  communeId: Optional(Uuid),
  city: Optional(Type.String({ maxLength: 120 })),
  languages: Type.Optional(Type.Array(LanguageCode, { uniqueItems: true, maxItems: 10 })),
  phone: Optional(Type.String({ maxLength: 50 })),
  email: Optional(Type.String({ format: 'email', maxLength: 254 })),
  website: Optional(Type.String({ maxLength: 300 })),
  notes: Optional(Type.String({ maxLength: 5000 })),
  closedOn: Optional(IsoDate),
  externalRef: Optional(Type.String({ minLength: 1, maxLength: 100 })),
};

/** At least one of nameFr / nameNl; the service says so by field when both are missing. */
export const CreateOrganisationBody = Type.Object(
  { ...ClientId, ...organisationFields },
  { additionalProperties: false },
);
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;

export const UpdateOrganisationBody = Type.Object(organisationFields, {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateOrganisationBody = Static<typeof UpdateOrganisationBody>;

export const OrganisationSummary = Type.Object({
  id: Uuid,
  nameFr: Type.Union([Type.String(), Type.Null()]),
  nameNl: Type.Union([Type.String(), Type.Null()]),
  commune: Type.Union([ReferenceRef, Type.Null()]),
  sectors: Type.Array(ReferenceRef),
  closedOn: Type.Union([IsoDate, Type.Null()]),
});
export type OrganisationSummary = Static<typeof OrganisationSummary>;

export const OrganisationListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sectorId: Type.Optional(Uuid),
    typeId: Type.Optional(Uuid),
    communeId: Type.Optional(Uuid),
    includeClosed: Type.Optional(Type.Boolean({ default: false })),
    /** Members (true) or non-members (false) of the association today. */
    member: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganisationListQuery = Static<typeof OrganisationListQuery>;

export const OrganisationList = Type.Object({ items: Type.Array(OrganisationSummary), ...PageMeta });
export type OrganisationList = Static<typeof OrganisationList>;

export const DuplicateQuery = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    otherName: Type.Optional(Type.String({ maxLength: 300 })),
    /** The organisation being edited, so that it is not its own duplicate. */
    excludeId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type DuplicateQuery = Static<typeof DuplicateQuery>;

export const OrganisationDuplicates = Type.Object({ items: Type.Array(OrganisationSummary) });
export type OrganisationDuplicates = Static<typeof OrganisationDuplicates>;

/** Merge `duplicateId` into the organisation or person named in the path, which is kept. */
export const MergeBody = Type.Object({ duplicateId: Uuid }, { additionalProperties: false });
export type MergeBody = Static<typeof MergeBody>;

export const MergePreviewQuery = Type.Object({ duplicateId: Uuid }, { additionalProperties: false });
export type MergePreviewQuery = Static<typeof MergePreviewQuery>;

/**
 * How many records of one kind point at the duplicate and follow the kept record. `readable`:
 * whether the caller may read that kind (another pole's records are only counted).
 */
export const MergeMove = Type.Object({
  kind: RecordKindSchema,
  count: Type.Integer({ minimum: 1 }),
  readable: Type.Boolean(),
});
export type MergeMove = Static<typeof MergeMove>;

/** What a merge would move, per kind, and the refusal it would meet (null: it may go ahead). */
export const MergePreview = Type.Object({
  moves: Type.Array(MergeMove),
  refusal: Type.Union([FieldError, Type.Null()]),
});
export type MergePreview = Static<typeof MergePreview>;

export const MergeResult = Type.Object({
  keptId: Uuid,
  mergedId: Uuid,
  /** How many records pointed at the merged one and now point at the kept one, per link. */
  repointed: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  /** The same, per kind of record, for people to read. */
  moved: Type.Array(MergeMove),
});
export type MergeResult = Static<typeof MergeResult>;

export const Affiliation = Type.Object({
  id: Uuid,
  organisation: OrganisationRef,
  function: Type.Union([Type.String(), Type.Null()]),
  startsOn: Type.Union([IsoDate, Type.Null()]),
  endsOn: Type.Union([IsoDate, Type.Null()]),
});
export type Affiliation = Static<typeof Affiliation>;

export const Person = Type.Object({
  version: Version,
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  language: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  externalRef: Type.Union([Type.String(), Type.Null()]),
  affiliations: Type.Array(Affiliation),
  /** The day the person was erased (art. 17): names and contact blanked, the rows kept. */
  erasedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Person = Static<typeof Person>;

export const AffiliationBody = Type.Object(
  {
    organisationId: Uuid,
    function: Optional(Type.String({ maxLength: 200 })),
    startsOn: Optional(IsoDate),
    endsOn: Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type AffiliationBody = Static<typeof AffiliationBody>;

/** A new affiliation of a person (POST …/affiliations): its id may be chosen by the client. */
export const CreateAffiliationBody = Type.Object(
  { ...ClientId, ...AffiliationBody.properties },
  { additionalProperties: false },
);
export type CreateAffiliationBody = Static<typeof CreateAffiliationBody>;

export const UpdateAffiliationBody = Type.Object(
  {
    function: Optional(Type.String({ maxLength: 200 })),
    startsOn: Optional(IsoDate),
    endsOn: Optional(IsoDate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAffiliationBody = Static<typeof UpdateAffiliationBody>;

const personFields = {
  firstName: Type.String({ minLength: 1, maxLength: 120 }),
  lastName: Type.String({ minLength: 1, maxLength: 120 }),
  email: Optional(Type.String({ format: 'email', maxLength: 254 })),
  phone: Optional(Type.String({ maxLength: 50 })),
  language: Optional(LanguageCode),
  notes: Optional(Type.String({ maxLength: 5000 })),
  externalRef: Optional(Type.String({ minLength: 1, maxLength: 100 })),
};

export const CreatePersonBody = Type.Object(
  {
    ...ClientId,
    ...personFields,
    affiliations: Type.Optional(Type.Array(AffiliationBody, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = Type.Object(
  {
    ...personFields,
    firstName: Type.Optional(personFields.firstName),
    lastName: Type.Optional(personFields.lastName),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

export const PersonSummary = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  /** Current affiliations only (no end date, or ending today or later). */
  organisations: Type.Array(OrganisationRef),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const PersonListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    organisationId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuery>;

export const PersonList = Type.Object({ items: Type.Array(PersonSummary), ...PageMeta });
export type PersonList = Static<typeof PersonList>;

export const PersonDuplicates = Type.Object({ items: Type.Array(PersonSummary) });
export type PersonDuplicates = Static<typeof PersonDuplicates>;

export const AffiliationParams = Type.Object(
  { id: Uuid, affiliationId: Uuid },
  { additionalProperties: false },
);

export const PersonDuplicateQuery = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 120 }),
    lastName: Type.String({ minLength: 1, maxLength: 120 }),
    email: Type.Optional(Type.String({ maxLength: 254 })),
  },
  { additionalProperties: false },
);
export type PersonDuplicateQuery = Static<typeof PersonDuplicateQuery>;
