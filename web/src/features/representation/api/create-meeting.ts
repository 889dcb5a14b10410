import type { CreateRepresentationMeetingBody, RepresentationMeeting } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { representationKeys } from './keys';

export function createMeeting(body: CreateRepresentationMeetingBody): Promise<RepresentationMeeting> {
  return api.post<RepresentationMeeting>('/api/representation-meetings', body);
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeeting,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: representationKeys.lists() }),
  });
}
