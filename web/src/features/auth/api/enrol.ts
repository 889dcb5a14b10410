import type { Me, RecoveryCodes, TotpConfirmBody, TotpSetup } from '@smes/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sessionStore } from '@/lib/session';

/** A new secret for the authenticator app, shown this once. */
export function startEnrolment(): Promise<TotpSetup> {
  return api.post<TotpSetup>('/api/me/mfa/setup', {});
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: startEnrolment });
}

/** The first code turns the factor on; the answer carries the recovery codes, once. */
export function confirmEnrolment(body: TotpConfirmBody): Promise<RecoveryCodes> {
  return api.post<RecoveryCodes>('/api/me/mfa/confirm', body);
}

export function useConfirmEnrolment() {
  return useMutation({ mutationFn: confirmEnrolment });
}

/** Reads the account again, so that the session knows the factor is on (the app opens). */
export async function reloadMe(): Promise<void> {
  sessionStore.updateUser(await api.get<Me>('/api/me'));
}
