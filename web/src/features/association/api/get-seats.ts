import type { GovernanceBody, SeatList } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { seatKeys } from './keys';

export function getSeats(body: GovernanceBody, on: string, signal?: AbortSignal): Promise<SeatList> {
  return api.get<SeatList>('/api/governance/seats', { query: { body, on }, signal });
}

export function seatsQueryOptions(body: GovernanceBody, on: string) {
  return queryOptions({
    queryKey: seatKeys.list(body, on),
    queryFn: ({ signal }) => getSeats(body, on, signal),
  });
}

export function useSeats(body: GovernanceBody, on: string) {
  return useQuery(seatsQueryOptions(body, on));
}
