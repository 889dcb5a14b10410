import type { GenerateDuesBody, GeneratedDues } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { duesKeys } from './keys';

/** One line per member of the year that has none yet: running it twice adds nothing. */
export function generateDues(body: GenerateDuesBody): Promise<GeneratedDues> {
  return api.post<GeneratedDues>('/api/dues/generate', body);
}

export function useGenerateDues() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateDues,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duesKeys.lists() }),
  });
}
