import type { GenerateDuesBody, GeneratedDues } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { duesKeys } from './keys';
import { figureKeys } from '@/features/figures';

/** One line per member of the year that has none yet: running it twice adds nothing. */
export function generateDues(body: GenerateDuesBody): Promise<GeneratedDues> {
  return api.post<GeneratedDues>('/api/dues/generate', body);
}

export function useGenerateDues() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateDues,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: duesKeys.lists() }),
        // Members and dues move the figure engine's counts and totals.
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
