import type { RetentionRun } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** Removes now the participants of cycles whose year has ended (the schedule does it anyway). */
export function runRetention(): Promise<RetentionRun> {
  return api.post<RetentionRun>('/api/intervision/retention-runs');
}

export function useRunRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runRetention,
    // Registrations lose their person: reset rather than invalidate, so no screen opened later
    // shows the removed names from the cache while it refetches.
    onSuccess: () => queryClient.resetQueries({ queryKey: intervisionKeys.all }),
  });
}
