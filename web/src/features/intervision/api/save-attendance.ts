import type { AttendanceBody, Session } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { intervisionKeys } from './keys';

/** The whole list of who was there: what is not in it is marked absent. */
/** The session's attendance is part of the session: its version goes in If-Match. */
export function saveAttendance({ base, body }: { base: Session; body: AttendanceBody }) {
  return sendVersioned(base, body, (version) =>
    api.put<Session>(`/api/intervision/sessions/${encodeURIComponent(base.id)}/attendance`, body, {
      ifMatch: version,
    }),
  );
}

export function useSaveAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAttendance,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
