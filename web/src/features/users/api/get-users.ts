import type { UserList, UserListQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';

export function getUsers(filters: UserListQuery, signal?: AbortSignal): Promise<UserList> {
  return api.get<UserList>('/api/users', { query: { ...filters }, signal });
}

export function usersQueryOptions(filters: UserListQuery) {
  return queryOptions({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => getUsers(filters, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useUsers(filters: UserListQuery) {
  return useQuery(usersQueryOptions(filters));
}
