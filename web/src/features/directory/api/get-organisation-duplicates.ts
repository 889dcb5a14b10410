import type { OrganisationDuplicates } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

export function getOrganisationDuplicates(
  name: string,
  otherName: string,
  signal?: AbortSignal,
): Promise<OrganisationDuplicates> {
  return api.get<OrganisationDuplicates>('/api/organisations/duplicates', {
    query: { name, otherName },
    signal,
  });
}

export function organisationDuplicatesQueryOptions(name: string, otherName: string) {
  return queryOptions({
    queryKey: organisationKeys.duplicates(name, otherName),
    queryFn: ({ signal }) => getOrganisationDuplicates(name, otherName, signal),
    select: (result) => result.items,
  });
}

/** Names already debounced by the caller; nothing is asked for an empty name. */
export function useOrganisationDuplicates(name: string, otherName: string, { enabled = true } = {}) {
  return useQuery({
    ...organisationDuplicatesQueryOptions(name, otherName),
    enabled: enabled && name.length > 0,
  });
}
