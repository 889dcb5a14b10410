import type { Registration, UpdateRegistrationBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { intervisionKeys } from './keys';

/** Withdraws (`withdrawnOn`) or records a payment (`paidOn`, reference); `paidOn: null` undoes it. */
export function updateRegistration({
  base,
  body,
}: {
  base: Registration;
  body: UpdateRegistrationBody;
}): Promise<Registration> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Registration>(`/api/intervision/registrations/${encodeURIComponent(base.id)}`, body, {
      ifMatch: version,
    }),
  );
}

export function useUpdateRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRegistration,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
