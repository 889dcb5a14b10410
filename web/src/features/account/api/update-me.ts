import type { Me, UpdateMeBody } from '@smes/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import type { Versioned } from '@/lib/versioned';
import { sessionStore } from '@/lib/session';

/**
 * The version sent is the signed-in user's, as the session store keeps it (from sign-in), or
 * `base`: the account as the server has it now, when the user keeps their change over another.
 */
export function updateMe({ body, base }: { body: UpdateMeBody; base?: Versioned | undefined }): Promise<Me> {
  // The language is the user's own choice, clicked maybe twice in a row: the last one wins
  // (any version), where a name change still says what someone else changed meanwhile.
  if (Object.keys(body).every((field) => field === 'locale')) {
    return api.patch<Me>('/api/me', body, { ifMatch: '*' });
  }
  const state = sessionStore.getState();
  if (state.status !== 'authenticated') return Promise.reject(new Error('Not signed in'));
  return sendVersioned(base ?? state.user, body, (version) =>
    api.patch<Me>('/api/me', body, { ifMatch: version }),
  );
}

/** The signed-in user lives in the session store (not the query cache), so update it there. */
export function useUpdateMe() {
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => sessionStore.updateUser(me),
  });
}
