import type { RegistrationList } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** A cycle's registrations; `unpaid`: only the fees still to be paid, with their total. */
export function getRegistrations(
  { cycleId, unpaid }: { cycleId: string; unpaid: boolean },
  signal?: AbortSignal,
): Promise<RegistrationList> {
  return api.get<RegistrationList>('/api/intervision/registrations', {
    query: { cycleId, unpaid: unpaid || undefined },
    signal,
  });
}

export function registrationsQueryOptions(cycleId: string, unpaid: boolean) {
  return queryOptions({
    queryKey: intervisionKeys.registrations(cycleId, unpaid),
    queryFn: ({ signal }) => getRegistrations({ cycleId, unpaid }, signal),
  });
}

export function useRegistrations(cycleId: string, unpaid: boolean) {
  return useQuery(registrationsQueryOptions(cycleId, unpaid));
}
