import type { RepresentationMeetingList, RepresentationMeetingQuery } from '@smes/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { representationKeys } from './keys';

/** The log between `from` and `to` (all of it without them), with the count per year. */
export function getMeetings(
  query: RepresentationMeetingQuery,
  signal?: AbortSignal,
): Promise<RepresentationMeetingList> {
  return api.get<RepresentationMeetingList>('/api/representation-meetings', { query: { ...query }, signal });
}

export function meetingsQueryOptions(query: RepresentationMeetingQuery) {
  return queryOptions({
    queryKey: representationKeys.list(query),
    queryFn: ({ signal }) => getMeetings(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMeetings(query: RepresentationMeetingQuery) {
  return useQuery(meetingsQueryOptions(query));
}
