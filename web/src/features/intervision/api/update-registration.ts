import type { Registration, UpdateRegistrationBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** Withdraws (`withdrawnOn`) or records a payment (`paidOn`, reference); `paidOn: null` undoes it. */
export function updateRegistration({
  id,
  body,
}: {
  id: string;
  body: UpdateRegistrationBody;
}): Promise<Registration> {
  return api.patch<Registration>(`/api/intervision/registrations/${encodeURIComponent(id)}`, body);
}

export function useUpdateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRegistration,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
