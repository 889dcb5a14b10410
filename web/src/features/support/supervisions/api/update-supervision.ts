import type { Supervision, UpdateSupervisionBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { figureKeys } from '@/features/figures';
import { supervisionKeys } from './keys';

/** The agreement corrected, or its fee's payment recorded or undone (decisions 13, 19, 28). */
export function updateSupervision({
  base,
  body,
}: {
  base: Supervision;
  body: UpdateSupervisionBody;
}): Promise<Supervision> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<Supervision>(`/api/support/supervisions/${encodeURIComponent(base.id)}`, body, {
      ifMatch: version,
    }),
  );
}

export function useUpdateSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSupervision,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
