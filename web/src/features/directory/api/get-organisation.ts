import type { Organisation } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { organisationKeys } from './keys';

export function getOrganisation(id: string, signal?: AbortSignal): Promise<Organisation> {
  return api.get<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, { signal });
}

export function organisationQueryOptions(id: string) {
  return queryOptions({
    queryKey: organisationKeys.detail(id),
    queryFn: ({ signal }) => getOrganisation(id, signal),
  });
}

export function useOrganisation(id: string, { enabled = true } = {}) {
  return useQuery({ ...organisationQueryOptions(id), enabled: enabled && id !== '' });
}
