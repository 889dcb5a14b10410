import type { Pole, Role } from '@smes/shared';
import type { Config } from '../../../config.js';

/** Whether MFA_REQUIRED_FOR names the user's role or one of their poles. */
export function mfaRequiredFor(
  config: Pick<Config, 'MFA_REQUIRED_FOR'>,
  user: { role: Role; poles: readonly Pole[] },
): boolean {
  const list: readonly string[] = config.MFA_REQUIRED_FOR;
  return list.includes(user.role) || user.poles.some((p) => list.includes(p));
}
