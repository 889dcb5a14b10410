import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signedIn } from '../../../test/helpers/factories.js';

let t: TestApp;
const spaDir = mkdtempSync(path.join(tmpdir(), 'smes-spa-'));
mkdirSync(path.join(spaDir, 'assets'));
writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><title>Smes</title><div id="root"></div>');
writeFileSync(path.join(spaDir, 'assets', 'app.js'), 'console.log(1)');
const SIGN_IN_STYLE = 'h1 { color: #1f4e79; }';
// The index with the sign-in form already in it, in each language (the SPA's build writes them).
for (const [locale, title] of [
  ['fr', 'Se connecter'],
  ['nl', 'Aanmelden'],
]) {
  const page = `<!doctype html><html lang="${locale}"><style>${SIGN_IN_STYLE}</style><h1>${title}</h1><div id="root"></div>`;
  writeFileSync(path.join(spaDir, `login.${locale}.html`), page);
  writeFileSync(path.join(spaDir, `login.${locale}.html.br`), brotliCompressSync(page));
}
// What the SPA's build leaves beside each asset: its brotli copy, and a source map not to serve.
writeFileSync(path.join(spaDir, 'assets', 'app.js.br'), brotliCompressSync('console.log(1)'));
writeFileSync(path.join(spaDir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');

beforeAll(async () => {
  t = await createTestApp({ WEB_DIST_DIR: spaDir, BODY_LIMIT_BYTES: '2048' }, (app) => {
    app.get(
      '/api/test/explode',
      { config: { access: { public: true } }, schema: { operationId: 'testExplode' } },
      async () => {
        throw new Error('password=hunter2 at /srv/secret/db.ts:42');
      },
    );
  });
});
afterAll(() => t.close());
const api = () => supertest(t.app.server);

describe('every response', () => {
  it('carries the security headers, and API answers are never cached', async () => {
    for (const url of ['/api/health', '/', '/api/users']) {
      const res = await api().get(url);
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      if (url.startsWith('/api/')) expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });
});

describe('errors', () => {
  it('hide the detail of a 5xx', async () => {
    const res = await api().get('/api/test/explode');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      type: expect.any(String),
      title: 'Internal error',
      status: 500,
      code: 'INTERNAL',
    });
    expect(res.text).not.toMatch(/hunter2|secret|db\.ts/);
  });

  it('refuse a body over the size limit', async () => {
    const res = await api()
      .post('/api/auth/login')
      .send({ email: 'a@smes.test', password: 'x'.repeat(200), pad: 'y'.repeat(4000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answer malformed JSON and unknown media types with problem details', async () => {
    const bad = await api().post('/api/auth/login').set('content-type', 'application/json').send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    const xml = await api().post('/api/auth/login').set('content-type', 'application/xml').send('<a/>');
    expect(xml.status).toBe(415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('list every field at fault at once', async () => {
    const admin = await signedIn(t.app, { role: 'admin' });
    const res = await api()
      .post('/api/users')
      .set('authorization', admin.auth)
      .send({ email: 'nope', role: 'worker' });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password', 'poles']);
  });
});

describe('the SPA and the API share one origin', () => {
  it('serves the SPA, and its index for the SPA’s own paths', async () => {
    const home = await api().get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<div id="root">');
    const deep = await api().get('/admin/users');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="root">');
    expect((await api().get('/assets/app.js')).text).toContain('console.log');
  });

  it('caches hashed assets for a year, asks again for the index, and keeps source maps to itself', async () => {
    const asset = await api().get('/assets/app.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await api().get('/');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect((await api().get('/intervision/cycles')).headers['cache-control']).toBe('no-cache');
    const map = await api().get('/assets/app.js.map');
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('secret.ts');
    expect((await api().get('/assets/older-build.js')).status).toBe(404);
  });

  it('sends compressed answers to browsers that ask for them', async () => {
    const asset = await api().get('/assets/app.js').set('accept-encoding', 'br, gzip');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers.vary).toContain('accept-encoding');
    const docs = await api().get('/api/docs/json').set('accept-encoding', 'gzip');
    expect(docs.headers['content-encoding']).toBe('gzip');
    expect(docs.body.openapi).toMatch(/^3\./);
    const plain = await api().get('/api/docs/json').set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('sends /login with the form already in it, in the device’s language or else the browser’s', async () => {
    const signIn = async (headers: Record<string, string>) => {
      const res = await api().get('/login').set(headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.vary).toMatch(/accept-language/i);
      expect(res.headers.vary).toMatch(/cookie/i);
      return res.text.match(/<h1>(.*)<\/h1>/)?.[1];
    };
    expect(await signIn({})).toBe('Se connecter');
    expect(await signIn({ 'accept-language': 'nl-BE,nl;q=0.9,fr;q=0.8' })).toBe('Aanmelden');
    expect(await signIn({ 'accept-language': 'fr-BE,fr;q=0.9,nl;q=0.8' })).toBe('Se connecter');
    expect(await signIn({ 'accept-language': 'en;q=0.5,nl;q=0.9' })).toBe('Aanmelden');
    expect(await signIn({ 'accept-language': 'de-DE' })).toBe('Se connecter');
    // The choice made on the device wins over the browser; an unknown value does not count.
    expect(await signIn({ 'accept-language': 'nl-BE', cookie: 'smes_locale=fr' })).toBe('Se connecter');
    expect(await signIn({ 'accept-language': 'fr-BE', cookie: 'smes_locale=nl' })).toBe('Aanmelden');
    expect(await signIn({ 'accept-language': 'nl-BE', cookie: 'smes_locale=en' })).toBe('Aanmelden');
    // Its stylesheet comes inline: the security policy allows that one style, by its hash, no other.
    const hash = createHash('sha256').update(SIGN_IN_STYLE).digest('base64');
    const policy = (await api().get('/login')).headers['content-security-policy'] as string;
    expect(policy).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(policy).not.toContain('unsafe-inline');
    const compressed = await api().get('/login').set('accept-encoding', 'br').set('accept-language', 'nl');
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.text).toContain('<h1>Aanmelden</h1>');
    // Any other page of the SPA, reloaded by a signed-in person, never shows a sign-in form.
    for (const url of ['/', '/directory/people', '/login/elsewhere']) {
      expect((await api().get(url)).text, url).not.toContain('<h1>');
    }
  });

  it('answers unknown API paths with a problem-details 404, not the SPA', async () => {
    const res = await api().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('health and documentation', () => {
  it('health checks the database', async () => {
    expect((await api().get('/api/health')).body).toEqual({ status: 'ok', database: 'up' });
  });

  it('OpenAPI lists every route with its operationId', async () => {
    const res = await api().get('/api/docs/json');
    expect(res.status).toBe(200);
    const ops = Object.values(res.body.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((p) => Object.values(p))
      .map((o) => o.operationId);
    expect(ops).toEqual(
      expect.arrayContaining([
        'login',
        'refreshSession',
        'logout',
        'getMe',
        'listUsers',
        'createUser',
        'listAudit',
        'health',
      ]),
    );
    expect(ops).not.toContain(undefined);
    const docs = await api().get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
  });
});

describe('when the database is gone', () => {
  it('health says so with a 503', async () => {
    const gone = await createTestApp();
    await gone.app.database.close();
    const res = await supertest(gone.app.server).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable', database: 'down' });
    await gone.app.close();
  });
});
