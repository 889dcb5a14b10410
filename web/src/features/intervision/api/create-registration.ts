import type { CreateRegistrationBody, Registration } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/**
 * A colleague of an organisation already in the group is refused (409, `organisationId`:
 * `taken`); a full group puts the person on the waiting list.
 */
export function createRegistration(body: CreateRegistrationBody): Promise<Registration> {
  return api.post<Registration>('/api/intervision/registrations', body);
}

export function useCreateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRegistration,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
