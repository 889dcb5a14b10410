import type { OrganisationList, OrganisationListQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

export function getOrganisations(
  filters: OrganisationListQuery,
  signal?: AbortSignal,
): Promise<OrganisationList> {
  return api.get<OrganisationList>('/api/organisations', { query: { ...filters }, signal });
}

export function organisationsQueryOptions(filters: OrganisationListQuery) {
  return queryOptions({
    queryKey: organisationKeys.list(filters),
    queryFn: ({ signal }) => getOrganisations(filters, signal),
    // Keep the current results on screen while the next search loads.
    placeholderData: keepPreviousData,
  });
}

export function useOrganisations(filters: OrganisationListQuery, { enabled = true } = {}) {
  return useQuery({ ...organisationsQueryOptions(filters), enabled });
}
