import type { Me, UpdateMeBody } from '@smes/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sessionStore } from '@/lib/session';

export function updateMe(body: UpdateMeBody): Promise<Me> {
  return api.patch<Me>('/api/me', body);
}

/** The signed-in user lives in the session store (not the query cache), so update it there. */
export function useUpdateMe() {
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => sessionStore.updateUser(me),
  });
}
