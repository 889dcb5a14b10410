import type { OrganisationListQuery, PersonListQuery } from '@smes/shared';

/** One hierarchy per record type, so a mutation can invalidate every list at once or one record. */
export const organisationKeys = {
  all: ['organisations'] as const,
  lists: () => [...organisationKeys.all, 'list'] as const,
  list: (filters: OrganisationListQuery) => [...organisationKeys.lists(), filters] as const,
  duplicates: (name: string, otherName: string) =>
    [...organisationKeys.all, 'duplicates', { name, otherName }] as const,
  mergePreview: (keepId: string, duplicateId: string) =>
    [...organisationKeys.all, 'merge-preview', { keepId, duplicateId }] as const,
  details: () => [...organisationKeys.all, 'detail'] as const,
  detail: (id: string) => [...organisationKeys.details(), id] as const,
};

export const personKeys = {
  all: ['people'] as const,
  lists: () => [...personKeys.all, 'list'] as const,
  list: (filters: PersonListQuery) => [...personKeys.lists(), filters] as const,
  duplicates: (query: { firstName: string; lastName: string; email: string }) =>
    [...personKeys.all, 'duplicates', query] as const,
  mergePreview: (keepId: string, duplicateId: string) =>
    [...personKeys.all, 'merge-preview', { keepId, duplicateId }] as const,
  details: () => [...personKeys.all, 'detail'] as const,
  detail: (id: string) => [...personKeys.details(), id] as const,
};
