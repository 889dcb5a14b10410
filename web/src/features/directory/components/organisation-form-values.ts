import type { CreateOrganisationBody, Organisation, UpdateOrganisationBody } from '@smes/shared';

/** What the form edits: text as typed (blank = none), classifications as id lists. */
export interface OrganisationFormValues {
  nameFr: string;
  nameNl: string;
  sectorIds: string[];
  typeIds: string[];
  street: string;
  postalCode: string;
  communeId: string;
  city: string;
  languages: string[];
  phone: string;
  email: string;
  website: string;
  notes: string;
  closedOn: string;
  externalRef: string;
}

const TEXT_FIELDS = [
  'nameFr',
  'nameNl',
  'street',
  'postalCode',
  'communeId',
  'city',
  'phone',
  'email',
  'website',
  'notes',
  'closedOn',
  'externalRef',
] as const;
const LIST_FIELDS = ['sectorIds', 'typeIds', 'languages'] as const;

export function valuesFromOrganisation(org?: Organisation): OrganisationFormValues {
  return {
    nameFr: org?.nameFr ?? '',
    nameNl: org?.nameNl ?? '',
    sectorIds: org?.sectors.map((s) => s.id) ?? [],
    typeIds: org?.types.map((t) => t.id) ?? [],
    street: org?.street ?? '',
    postalCode: org?.postalCode ?? '',
    communeId: org?.commune?.id ?? '',
    city: org?.city ?? '',
    languages: [...(org?.languages ?? [])],
    phone: org?.phone ?? '',
    email: org?.email ?? '',
    website: org?.website ?? '',
    notes: org?.notes ?? '',
    closedOn: org?.closedOn ?? '',
    externalRef: org?.externalRef ?? '',
  };
}

/**
 * A new organisation: blanks are left out, so the API applies its own defaults (a Brussels
 * postal code without a commune gets its commune).
 */
export function toCreateBody(values: OrganisationFormValues): CreateOrganisationBody {
  const body: CreateOrganisationBody = {};
  for (const key of TEXT_FIELDS) {
    const value = values[key].trim();
    if (value) body[key] = value;
  }
  for (const key of LIST_FIELDS) {
    if (values[key].length) body[key] = [...values[key]];
  }
  return body;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Only what changed, a cleared field as null: another user's edit to other fields survives. */
export function toUpdateBody(
  values: OrganisationFormValues,
  initial: OrganisationFormValues,
): UpdateOrganisationBody {
  const body: UpdateOrganisationBody = {};
  for (const key of TEXT_FIELDS) {
    const value = values[key].trim();
    if (value !== initial[key].trim()) body[key] = value || null;
  }
  for (const key of LIST_FIELDS) {
    if (!sameList(values[key], initial[key])) body[key] = [...values[key]];
  }
  return body;
}
