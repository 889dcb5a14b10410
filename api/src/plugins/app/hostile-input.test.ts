import net from 'node:net';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signedIn } from '../../../test/helpers/factories.js';
import { as } from '../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../test/helpers/intervision.js';

/** Input found by fuzzing that once answered 500 or an error that was not problem details. */
let t: TestApp;
let c: ReturnType<typeof as>;
beforeAll(async () => {
  t = await createTestApp();
  // Raw requests below need a real socket.
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
  c = as(t.app, coordinator.auth);
});
afterAll(() => t.close());
const api = () => supertest(t.app.server);

function expectProblem(res: supertest.Response, status: number, field?: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toEqual(expect.any(String));
  if (field) expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
}

describe('text the database cannot store', () => {
  it('a NUL byte in a body field is refused naming the field, nested ones too', async () => {
    expectProblem(await c.post('/api/organisations', { nameFr: 'Asbl\u0000Test' }), 400, 'nameFr');
    const org = (await c.post('/api/organisations', { nameFr: 'Asbl Nul' }).expect(201)).body;
    expectProblem(await c.patch(`/api/organisations/${org.id}`, { phone: '02\u0000' }), 400, 'phone');
    expectProblem(
      await c.post('/api/organisations', { nameFr: 'Asbl', languages: ['fr', 'n\u0000l'] }),
      400,
      'languages/1',
    );
  });

  it('an unpaired surrogate is refused, and a paired one (an emoji) is kept', async () => {
    const lone = await api()
      .post('/api/organisations')
      .set('authorization', (await signedIn(t.app, { role: 'admin' })).auth)
      .set('content-type', 'application/json')
      .send('{"nameFr":"Asbl \\ud800 seule"}');
    expectProblem(lone, 400, 'nameFr');
    const emoji = await c.post('/api/organisations', { nameFr: 'Asbl 🏠 Maison' });
    expect(emoji.status).toBe(201);
    expect(emoji.body.nameFr).toBe('Asbl 🏠 Maison');
  });

  it('a body nested thousands of levels deep is refused, not a 500 (found by the fuzz suite)', async () => {
    const deep = await api()
      .post('/api/organisations')
      .set('authorization', (await signedIn(t.app, { role: 'admin' })).auth)
      .set('content-type', 'application/json')
      .send(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expectProblem(deep, 400);
    const nested = `{"nameFr":"Asbl","notes":${'['.repeat(5000)}"\\u0000"${']'.repeat(5000)}}`;
    const inner = await api()
      .post('/api/organisations')
      .set('authorization', (await signedIn(t.app, { role: 'admin' })).auth)
      .set('content-type', 'application/json')
      .send(nested);
    expectProblem(inner, 400, `notes/${'0/'.repeat(4999)}0`);
  });

  it('a NUL byte in a query string or a path parameter is refused naming it', async () => {
    expectProblem(await c.get('/api/organisations', { q: 'a\u0000b' }), 400, 'q');
    expectProblem(await c.get('/api/imports/organisations%00/fields'), 400, 'kind');
  });
});

describe('numbers and empty updates', () => {
  it('a page far beyond any list is refused rather than overflowing', async () => {
    expectProblem(await c.get('/api/organisations', { page: '1e308' }), 400, 'page');
    expectProblem(await c.get('/api/representation-meetings', { page: '1e308' }), 400, 'page');
    expect((await c.get('/api/organisations', { page: '1000' })).status).toBe(200);
  });

  it('a meeting update that changes no column saves the attendees sent and nothing else', async () => {
    const meeting = (
      await c
        .post('/api/representation-meetings', {
          heldOn: '2026-03-03',
          body: 'Plateforme fictive',
          topic: 'Logement',
          attendeeIds: [],
        })
        .expect(201)
    ).body;
    const res = await c.patch(`/api/representation-meetings/${meeting.id}`, { attendeeIds: [] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ body: 'Plateforme fictive', topic: 'Logement', attendees: [] });
  });

  it('a referenced record that does not exist is a 400 naming the field', async () => {
    const cycle = await newCycle(c, { name: 'Cycle fictif', startsOn: '2031-09-01', endsOn: '2032-06-30' });
    const group = await newGroup(c, cycle.id, 'Groupe fictif');
    const session = (
      await c.post('/api/intervision/sessions', { groupId: group.id, startsOn: '2031-10-02' }).expect(201)
    ).body;
    const res = await c.patch(`/api/intervision/sessions/${session.id}`, {
      hostOrganisationId: '00000000-0000-4000-8000-000000000000',
    });
    expectProblem(res, 400, 'hostOrganisationId');
    expect(res.body.code).toBe('VALIDATION');
  });
});

/** Raw HTTP: what supertest would not send. */
function rawRequest(text: string): Promise<string> {
  const { port } = t.app.server.address() as net.AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('errors the HTTP layer answers', () => {
  it('a path parameter over the router’s limit answers problem details', async () => {
    const res = await c.get(`/api/organisations/${'a'.repeat(150)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toEqual(expect.any(String));
  });

  it('a request with both Transfer-Encoding and Content-Length answers problem details', async () => {
    const reply = await rawRequest(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toMatch(/content-type: application\/problem\+json/i);
    expect(reply).toContain('"code":"VALIDATION"');
  });
});

describe('signing out without a body', () => {
  it('refresh and logout accept a request with no body at all, or an empty JSON one', async () => {
    const { session } = await signedIn(t.app);
    const refreshed = await api()
      .post('/api/auth/refresh')
      .set('cookie', session.refreshCookie)
      .set('content-type', 'application/json');
    expect(refreshed.status, refreshed.text).toBe(200);
    const cookie = ([] as string[])
      .concat(refreshed.headers['set-cookie'] ?? [])
      .find((x) => x.startsWith('smes_refresh='))!
      .split(';')[0]!;
    const out = await api()
      .post('/api/auth/logout')
      .set('cookie', cookie)
      .set('content-type', 'application/json');
    expect(out.status, out.text).toBeLessThan(300);
    const bare = await rawRequest(
      `POST /api/auth/logout HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
    );
    expect(bare).toMatch(/^HTTP\/1\.1 20[04]/);
    const after = await api().post('/api/auth/refresh').set('cookie', cookie);
    expect(after.status).toBe(401);
  });
});
