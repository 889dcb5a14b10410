import { createHmac } from 'node:crypto';

/**
 * What an authenticator app computes (RFC 6238: SHA-1, 6 digits, 30 s), so that browser tests
 * can answer the code step. The server accepts a step once per user, one step either side of
 * now: `nextCode` hands out the next step not used yet, waiting for the clock when it must.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function decode(secret: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of secret.toUpperCase().replace(/[\s=]/g, '')) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const nowStep = () => Math.floor(Date.now() / 30_000);
const lastStep = new Map<string, number>();

/** The code for the next step this secret has not used, within the server's window. */
export async function nextCode(secret: string): Promise<string> {
  // The step before now is still accepted: start there, so three sign-ins need no waiting.
  const step = Math.max((lastStep.get(secret) ?? -Infinity) + 1, nowStep() - 1);
  // One step ahead is accepted; further ahead, wait for the clock.
  while (step > nowStep() + 1) await new Promise((r) => setTimeout(r, 1000));
  lastStep.set(secret, step);
  return totp(secret, step);
}

/** The secrets of users the helpers enrolled, by e-mail. */
export const secrets = new Map<string, string>();
