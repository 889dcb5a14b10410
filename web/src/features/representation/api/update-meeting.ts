import type { RepresentationMeeting, UpdateRepresentationMeetingBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { representationKeys } from './keys';
import { figureKeys } from '@/features/figures';

export function updateMeeting({
  base,
  body,
}: {
  base: RepresentationMeeting;
  body: UpdateRepresentationMeetingBody;
}): Promise<RepresentationMeeting> {
  // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
  return sendVersioned(base, body, (version) =>
    api.patch<RepresentationMeeting>(`/api/representation-meetings/${encodeURIComponent(base.id)}`, body, {
      ifMatch: version,
    }),
  );
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
