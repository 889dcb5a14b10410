import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeUser } from '../../../../test/helpers/factories.js';
import type { ServiceContext } from '../../../types.js';
import { engineSource } from './engine-source.js';
import type { FigureSource } from './figure-source.js';
import { reportChanges, saveReport } from './service.js';

/*
 * What a later release does to a saved report: a figure's definition gets a new version (same
 * value today) and another figure is retired. The engine is the real one; only its catalogue is
 * seen as that release would show it.
 */
const BUMPED = 'association.members.organisations';
const GONE = 'connect.representation.meetings';

let t: TestApp;
let ctx: ServiceContext;

beforeAll(async () => {
  t = await createTestApp();
  const user = await makeUser(t.app, { role: 'coordinator', poles: ['connect'], displayName: 'Hanne Test' });
  ctx = {
    db: t.app.database.db,
    actor: { ...user, locale: null, sessionId: '00000000-0000-4000-8000-000000000000' },
    ip: '127.0.0.1',
  };
});
afterAll(() => t.close());

/** A service call as a request makes it: in a transaction that tells the database who acts. */
const asCoordinator = <T>(fn: () => Promise<T>) =>
  t.app.database.acting({ userId: ctx.actor.id, role: ctx.actor.role, poles: ctx.actor.poles }, fn);

const laterRelease: FigureSource = {
  ...engineSource,
  catalogue: () =>
    engineSource
      .catalogue()
      .filter((f) => f.id !== GONE)
      .map((f) => (f.id === BUMPED ? { ...f, version: f.version + 1 } : f)),
  values: async (db, period, ids) =>
    (await engineSource.values(db, period, ids)).map((v) =>
      v.id === BUMPED ? { ...v, version: v.version + 1 } : v,
    ),
};

describe('what changed since a report was saved', () => {
  it('names a figure whose definition changed, even at the same value, and one that no longer exists', async () => {
    const countingDb = t.app.countingDb;
    const input = { title: 'Rapport 2022', from: '2022-01-01', to: '2022-12-31' };
    const saved = await asCoordinator(() => saveReport({ ctx, input, source: engineSource, countingDb }));
    expect(saved.figures.map((f) => f.id)).toEqual(expect.arrayContaining([BUMPED, GONE]));
    const version = saved.figures.find((f) => f.id === BUMPED)!.version;

    const { changes } = await asCoordinator(() =>
      reportChanges({ ctx, id: saved.id, source: laterRelease, countingDb }),
    );
    expect(changes).toEqual([
      expect.objectContaining({ id: GONE, stored: 0, current: null, delta: null, currentVersion: null }),
      expect.objectContaining({
        id: BUMPED,
        stored: 0,
        current: 0,
        delta: 0,
        storedVersion: version,
        currentVersion: version + 1,
      }),
    ]);
    // The same release as the one that saved it: nothing changed.
    const again = await asCoordinator(() =>
      reportChanges({ ctx, id: saved.id, source: engineSource, countingDb }),
    );
    expect(again.changes).toEqual([]);
  });
});
