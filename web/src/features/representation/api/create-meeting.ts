import type { CreateRepresentationMeetingBody, RepresentationMeeting } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { representationKeys } from './keys';
import { figureKeys } from '@/features/figures';

export function createMeeting(body: CreateRepresentationMeetingBody): Promise<RepresentationMeeting> {
  return api.post<RepresentationMeeting>('/api/representation-meetings', body);
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeeting,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: representationKeys.lists() }),
        // The meetings per year are the figure engine's.
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
