import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentLock, LOCK_FILE, type Lock } from './lock.js';

const howTo =
  "bump the figure's `version` in its module's figures.ts, then run `pnpm --filter @smes/api figures:lock` and commit figures.lock.json";

describe('figures.lock.json', () => {
  const locked = JSON.parse(readFileSync(LOCK_FILE, 'utf8')) as Lock;
  const current = currentLock();

  it('holds every figure and no other', () => {
    expect(Object.keys(locked).sort(), `a figure was added or removed: run the lock (${howTo})`).toEqual(
      Object.keys(current).sort(),
    );
  });

  it("fails when a figure's query changes and its version does not", () => {
    for (const [id, now] of Object.entries(current)) {
      const then = locked[id];
      if (!then) continue;
      if (then.hash !== now.hash) {
        expect(
          now.version,
          `${id}: its query changed but its version is still ${then.version}; ${howTo}`,
        ).toBeGreaterThan(then.version);
        expect.fail(
          `${id}: version bumped to ${now.version}; now run \`pnpm --filter @smes/api figures:lock\``,
        );
      }
      expect(now.version, `${id}: its version changed but not its query; run the lock`).toBe(then.version);
    }
  });
});
