import { createHash, randomBytes } from 'node:crypto';

export const REFRESH_COOKIE = 'smes_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** An opaque refresh token: 256 random bits. Only its hash is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
