import type { Membership } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMembers } from './get-members';
import { memberKeys } from './keys';

const PAGE_SIZE = 200; // the API's largest page

/** Every member on a day, page after page: the printed list must not stop at page one. */
export async function getAllMembers(on: string, signal?: AbortSignal): Promise<Membership[]> {
  const items: Membership[] = [];
  for (let page = 1; ; page++) {
    const list = await getMembers({ on, page, pageSize: PAGE_SIZE }, signal);
    items.push(...list.items);
    if (list.items.length === 0 || items.length >= list.total) return items;
  }
}

export function allMembersQueryOptions(on: string) {
  return queryOptions({
    queryKey: memberKeys.everyone(on),
    queryFn: ({ signal }) => getAllMembers(on, signal),
  });
}

export function useAllMembers(on: string) {
  return useQuery(allMembersQueryOptions(on));
}
