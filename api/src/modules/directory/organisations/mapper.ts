import type { Organisation, OrganisationSummary, ReferenceRef } from '@smes/shared';
import { toReferenceRef } from '../reference/mapper.js';
import type { classificationsOf, communesOf, OrganisationRow } from './repository.js';

type Classifications = Awaited<ReturnType<typeof classificationsOf>>;
type Communes = Awaited<ReturnType<typeof communesOf>>;

function refsFor(rows: Classifications['sectors'], organisationId: string): ReferenceRef[] {
  return rows.filter((r) => r.organisationId === organisationId).map(toReferenceRef);
}

function communeFor(communes: Communes, id: string | null): ReferenceRef | null {
  const row = id ? communes.find((c) => c.id === id) : undefined;
  return row ? toReferenceRef(row) : null;
}

export function toOrganisationSummary(
  row: OrganisationRow,
  c: Classifications,
  communes: Communes,
): OrganisationSummary {
  return {
    id: row.id,
    nameFr: row.nameFr,
    nameNl: row.nameNl,
    commune: communeFor(communes, row.communeId),
    sectors: refsFor(c.sectors, row.id),
    closedOn: row.closedOn,
  };
}

export function toOrganisation(row: OrganisationRow, c: Classifications, communes: Communes): Organisation {
  return {
    ...toOrganisationSummary(row, c, communes),
    version: row.version,
    types: refsFor(c.types, row.id),
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    languages: row.languages,
    phone: row.phone,
    email: row.email,
    website: row.website,
    notes: row.notes,
    externalRef: row.externalRef,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
