import type { RepresentationMeeting, UpdateRepresentationMeetingBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { representationKeys } from './keys';
import { figureKeys } from '@/features/figures';

export function updateMeeting({
  id,
  body,
}: {
  id: string;
  body: UpdateRepresentationMeetingBody;
}): Promise<RepresentationMeeting> {
  return api.patch<RepresentationMeeting>(`/api/representation-meetings/${encodeURIComponent(id)}`, body);
}

export function useUpdateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMeeting,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: representationKeys.lists() }),
        // The meetings per year are the figure engine's.
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}
