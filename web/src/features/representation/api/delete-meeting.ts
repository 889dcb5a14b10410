import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { representationKeys } from './keys';
import { figureKeys } from '@/features/figures';

/** For a mistaken entry (coordinators): the count per year follows. */
export function deleteMeeting(id: string): Promise<void> {
  return api.delete<void>(`/api/representation-meetings/${encodeURIComponent(id)}`);
}

export function useDeleteMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMeeting,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: representationKeys.lists() }),
        // The meetings per year are the figure engine's.
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
