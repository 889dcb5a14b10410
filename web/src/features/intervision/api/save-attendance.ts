import type { AttendanceBody, Session } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { intervisionKeys } from './keys';

/** The whole list of who was there: what is not in it is marked absent. */
export function saveAttendance({ sessionId, body }: { sessionId: string; body: AttendanceBody }) {
  return api.put<Session>(`/api/intervision/sessions/${encodeURIComponent(sessionId)}/attendance`, body);
}

export function useSaveAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAttendance,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intervisionKeys.all }),
  });
}
