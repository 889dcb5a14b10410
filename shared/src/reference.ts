import { Type, type Static } from 'typebox';
import { Version } from './versions.js';
import { ClientId, Uuid } from './common.js';

export const REFERENCE_KINDS = ['sector', 'commune', 'organisation_type', 'language'] as const;
export const ReferenceKind = Type.Enum(REFERENCE_KINDS);
export type ReferenceKind = Static<typeof ReferenceKind>;

export const ReferenceItem = Type.Object({
  version: Version,
  id: Uuid,
  kind: ReferenceKind,
  code: Type.String(),
  labelFr: Type.String(),
  labelNl: Type.String(),
  postalCodes: Type.Array(Type.String()),
  sortOrder: Type.Integer(),
  retired: Type.Boolean(),
});
export type ReferenceItem = Static<typeof ReferenceItem>;

/**
 * Whether a postal code contradicts the commune named beside it: the commune has postal codes
 * (Brussels' communes do) and this is none of them. A warning only, never a refusal: an address
 * may lie on a border or outside Brussels.
 */
export function postalCodeContradictsCommune(
  postalCode: string | null | undefined,
  commune: { postalCodes: readonly string[] } | null | undefined,
): boolean {
  const code = postalCode?.trim();
  if (!code || !commune || commune.postalCodes.length === 0) return false;
  return !commune.postalCodes.includes(code);
}

/** How a record shows a reference item it points to. */
export const ReferenceRef = Type.Object({
  id: Uuid,
  code: Type.String(),
  labelFr: Type.String(),
  labelNl: Type.String(),
  retired: Type.Boolean(),
});
export type ReferenceRef = Static<typeof ReferenceRef>;

export const ReferenceKindParams = Type.Object({ kind: ReferenceKind }, { additionalProperties: false });
export const ReferenceItemParams = Type.Object(
  { kind: ReferenceKind, id: Uuid },
  { additionalProperties: false },
);

export const ReferenceListQuery = Type.Object(
  { includeRetired: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);
export type ReferenceListQuery = Static<typeof ReferenceListQuery>;

export const ReferenceList = Type.Object({ items: Type.Array(ReferenceItem) });
export type ReferenceList = Static<typeof ReferenceList>;

const Label = Type.String({ minLength: 1, maxLength: 200 });
const PostalCode = Type.String({ pattern: '^[0-9]{4}$' });

export const CreateReferenceItemBody = Type.Object(
  {
    ...ClientId,
    code: Type.String({ pattern: '^[a-z0-9_]{1,60}$' }),
    labelFr: Label,
    labelNl: Label,
    postalCodes: Type.Optional(Type.Array(PostalCode, { uniqueItems: true })),
    sortOrder: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type CreateReferenceItemBody = Static<typeof CreateReferenceItemBody>;

export const UpdateReferenceItemBody = Type.Object(
  {
    labelFr: Type.Optional(Label),
    labelNl: Type.Optional(Label),
    postalCodes: Type.Optional(Type.Array(PostalCode, { uniqueItems: true })),
    sortOrder: Type.Optional(Type.Integer()),
    retired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateReferenceItemBody = Static<typeof UpdateReferenceItemBody>;
