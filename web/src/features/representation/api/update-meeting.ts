import type { RepresentationMeeting, UpdateRepresentationMeetingBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { representationKeys } from './keys';

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: representationKeys.lists() }),
  });
}
