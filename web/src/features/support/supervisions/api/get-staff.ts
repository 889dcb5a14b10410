import type { SupportStaffList } from '@smes/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** The Support pole's workers and coordinators, who may lead a session in pairs. */
export function useSupportStaff() {
  return useQuery({
    queryKey: supervisionKeys.staff(),
    queryFn: ({ signal }) => api.get<SupportStaffList>('/api/support/supervisions/staff', { signal }),
  });
}
