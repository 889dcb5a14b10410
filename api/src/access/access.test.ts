import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, POLES, ROLES, type Actor, type Pole } from '@smes/shared';
import Fastify from 'fastify';
import configPlugin from '../plugins/app/config.js';
import dbPlugin from '../plugins/app/db.js';
import errorHandler from '../plugins/app/errors.js';
import guard from '../plugins/app/auth.js';
import jwt from '../plugins/external/jwt.js';
import { buildApp } from '../app.js';
import { createTestApp, testConfig, type TestApp } from '../../test/helpers/app.js';
import { makeUser, signIn } from '../../test/helpers/factories.js';
import { freshDatabase } from '../../test/helpers/database.js';

/** Every kind of actor the platform knows: each role, and pole roles with each single pole. */
const ACTORS: Actor[] = ROLES.flatMap((role) =>
  role === 'coordinator' || role === 'worker'
    ? POLES.map((p): Actor => ({ role, poles: [p] }))
    : [{ role, poles: [] }],
);

let t: TestApp;
const tokens = new Map<string, string>();
let someUserId = '';
const key = (a: Actor) => `${a.role}:${a.poles.join('+')}`;

beforeAll(async () => {
  t = await createTestApp();
  for (const actor of ACTORS) {
    const user = await makeUser(t.app, { role: actor.role, poles: actor.poles as Pole[] });
    tokens.set(key(actor), (await signIn(t.app, user.email)).accessToken);
  }
  // Routes walked with an id get a user of their own: ending its sessions must not sign out an actor.
  someUserId = (await makeUser(t.app, { role: 'worker', poles: ['connect'] })).id;
});
afterAll(() => t.close());

function call(method: string, url: string) {
  const path = url.replace(/:(id|\w+Id)\b/g, someUserId).replace(':kind', 'sector');
  const req = supertest(t.app.server)[method.toLowerCase() as 'get'](path);
  return method === 'GET' || method === 'DELETE' ? req : req.send({});
}

describe('the access matrix, walked over every route', () => {
  it('knows routes of every kind', () => {
    const kinds = new Set(t.app.accessRules.map((r) => Object.keys(r.access)[0]));
    expect(kinds).toEqual(new Set(['public', 'authenticated', 'resource']));
  });

  it('refuses every non-public route without a token (401, problem details, nothing else)', async () => {
    for (const rule of t.app.accessRules.filter((r) => !('public' in r.access))) {
      const res = await call(rule.method, rule.url);
      expect(res.status, `${rule.method} ${rule.url}`).toBe(401);
      expect(Object.keys(res.body).sort(), `${rule.method} ${rule.url}`).toEqual([
        'code',
        'detail',
        'status',
        'title',
        'type',
      ]);
    }
  });

  it('refuses every actor the matrix leaves out (403, and the body leaks nothing)', async () => {
    let checked = 0;
    for (const rule of t.app.accessRules) {
      if (!('resource' in rule.access)) continue;
      const { resource, action } = rule.access;
      for (const actor of ACTORS.filter((a) => !can(a, resource, action))) {
        const res = await call(rule.method, rule.url).set(
          'authorization',
          `Bearer ${tokens.get(key(actor))}`,
        );
        expect(res.status, `${key(actor)} ${rule.method} ${rule.url}`).toBe(403);
        // A read of records whose kind names the actor's role for breaking the glass answers
        // that it must be broken (decision 21); anything else is plainly forbidden.
        const glass = res.body.code === 'BREAK_GLASS_REQUIRED';
        expect(res.body).toEqual({
          type: expect.any(String),
          title: glass ? 'Outside your scope: break the glass with a reason' : 'Forbidden',
          status: 403,
          code: glass && rule.method === 'GET' ? 'BREAK_GLASS_REQUIRED' : 'FORBIDDEN',
          detail: expect.any(String),
        });
        expect(JSON.stringify(res.body)).not.toContain('@smes.test');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('lets through every actor the matrix allows', async () => {
    for (const rule of t.app.accessRules) {
      if (!('resource' in rule.access)) continue;
      const { resource, action } = rule.access;
      for (const actor of ACTORS.filter((a) => can(a, resource, action))) {
        const res = await call(rule.method, rule.url).set(
          'authorization',
          `Bearer ${tokens.get(key(actor))}`,
        );
        expect([401, 403], `${key(actor)} ${rule.method} ${rule.url}`).not.toContain(res.status);
      }
    }
  });
});

describe('deny by default', () => {
  it('an /api route that declares no access rule stops the start', async () => {
    const database = await freshDatabase();
    const app = await buildApp({ config: testConfig(), database, closeDatabase: false, logger: false });
    expect(() => app.get('/api/forgotten', async () => ({ secret: true }))).toThrow(
      /declares no access rule/,
    );
    await app.close();
    await database.drop();
  });

  it('a route that escaped that check is refused at request time, not served', async () => {
    const database = await freshDatabase();
    const config = testConfig();
    const bare = Fastify({ logger: false });
    // Declared before the guard exists, so the start-up check never sees it.
    bare.get('/api/forgotten', async () => ({ secret: true }));
    await bare.register(configPlugin, { config });
    await bare.register(dbPlugin, { database, closeOnShutdown: false });
    await bare.register(errorHandler);
    await bare.register(jwt);
    await bare.register(guard);
    const res = await bare.inject({ method: 'GET', url: '/api/forgotten' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('secret');
    expect((await bare.inject({ method: 'GET', url: '/api/nowhere' })).statusCode).toBe(404);
    await bare.close();
    await database.drop();
  });
});
