import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Me } from '@smes/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './api-client';
import { createSessionStore } from './session';

const me: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  version: 1,
  email: 'admin@smes.test',
  displayName: 'Ada Admin',
  role: 'admin',
  poles: [],
  locale: null,
  mfa: { enrolled: false, required: false },
};

/**
 * A tiny real API: a protected route that only accepts the current token, a refresh endpoint
 * that rotates it (slowly, so concurrent 401s overlap), and a few routes that fail on purpose.
 */
let server: Server;
let baseUrl: string;
let currentToken = 'token-1';
let refreshCalls = 0;
let refreshAllowed = true;
/** What a refused refresh says: the session expired, or it sat idle too long. */
let refusedCode = 'SESSION_EXPIRED';

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'about:blank',
    title: 'Server words the SPA must not show',
    status,
    code,
    detail: 'secret detail',
    ...extra,
  };
}

function handle(req: IncomingMessage, res: ServerResponse) {
  const auth = req.headers.authorization;
  switch (req.url) {
    case '/api/auth/refresh':
      refreshCalls += 1;
      setTimeout(() => {
        if (!refreshAllowed) return send(res, 401, problem(401, refusedCode));
        currentToken = `token-${refreshCalls + 1}`;
        send(res, 200, { accessToken: currentToken, expiresIn: 900, user: me });
      }, 50);
      return;
    case '/api/me':
      if (auth !== `Bearer ${currentToken}`) return send(res, 401, problem(401, 'UNAUTHENTICATED'));
      return send(res, 200, me);
    case '/api/me/slow': {
      // Judges the token on arrival but answers late: its 401 lands after another refresh.
      const valid = auth === `Bearer ${currentToken}`;
      setTimeout(() => (valid ? send(res, 200, me) : send(res, 401, problem(401, 'UNAUTHENTICATED'))), 200);
      return;
    }
    case '/api/users':
      return send(
        res,
        400,
        problem(400, 'VALIDATION', {
          errors: [
            { field: 'password', code: 'tooCommon', message: 'Password is too common' },
            { field: 'poles/1', code: 'polesRequired' },
            { field: 'email', code: 'somethingNew' },
          ],
        }),
      );
    case '/api/auth/login':
      return send(res, 429, problem(429, 'TOO_MANY_REQUESTS'), { 'retry-after': '290' });
    case '/api/broken':
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<h1>Bad gateway</h1>');
    case '/api/empty':
      return send(res, 204);
    case '/api/upload': {
      // Echoes what arrived, to prove the file went raw with its own type.
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        send(res, 200, { type: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }),
      );
      return;
    }
    case '/api/refused-file':
      return send(
        res,
        400,
        problem(400, 'VALIDATION', {
          errors: [{ field: 'file', code: 'formula', params: { cell: 'B3', row: 3, bad: { x: 1 } } }],
        }),
      );
    case '/api/glass': {
      // Another pole's record: read only by breaking the glass with a reason.
      const reason = decodeURIComponent(String(req.headers['x-break-glass-reason'] ?? ''));
      if (req.headers['x-purpose'] === 'break_glass' && reason.length >= 15) {
        return send(res, 200, { reason, method: req.method });
      }
      return send(res, 403, problem(403, 'BREAK_GLASS_REQUIRED'));
    }
    case '/api/template':
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      return res.end('Nom;Secteurs\r\n');
    default:
      return send(res, 404, problem(404, 'NOT_FOUND'));
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function setup() {
  const session = createSessionStore();
  let lost = 0;
  const client = createApiClient({ baseUrl, session, onSessionLost: () => (lost += 1) });
  return { session, client, lostCount: () => lost };
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.(); // cancels the scheduled refresh timer
  cleanup = null;
  currentToken = 'token-1';
  refreshCalls = 0;
  refreshAllowed = true;
});

describe('api-client errors', () => {
  it('turns problem details into an ApiError with the code and the field errors, no server text', async () => {
    const { client } = setup();
    const error = await client.post('/api/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION');
    expect(apiError.errors).toEqual([
      { field: 'password', code: 'tooCommon' },
      { field: 'poles/1', code: 'polesRequired' },
      { field: 'email', code: 'invalid' }, // an unknown code degrades to a generic one
    ]);
    expect(apiError.fieldError('poles')).toBe('polesRequired');
    expect(apiError.fieldError('displayName')).toBeNull();
    expect(apiError.message).not.toMatch(/Server words|secret/);
  });

  it('keeps Retry-After so the sign-in page can say how long to wait', async () => {
    const { client } = setup();
    const error = (await client
      .post('/api/auth/login', {}, { auth: false })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.retryAfter).toBe(290);
  });

  it('falls back to a code from the status when the body is not problem details', async () => {
    const { client } = setup();
    const error = (await client.get('/api/broken').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('INTERNAL');
  });

  it('returns undefined for 204', async () => {
    const { client } = setup();
    await expect(client.delete('/api/empty')).resolves.toBeUndefined();
  });
});

describe('api-client files', () => {
  it('sends a file as the raw body with its own content type, not as JSON', async () => {
    const { client } = setup();
    const file = new Blob(['Nom;Secteurs\nL’Îlot;Sans-abrisme'], { type: 'text/csv' });
    const echo = await client.upload<{ type: string; body: string }>('/api/upload', file);
    expect(echo).toEqual({ type: 'text/csv', body: 'Nom;Secteurs\nL’Îlot;Sans-abrisme' });
    const untyped = await client.upload<{ type: string }>('/api/upload', new Blob(['x']));
    expect(untyped.type).toBe('application/octet-stream');
  });

  it('keeps the values a field error names (a cell), dropping anything but strings and numbers', async () => {
    const { client } = setup();
    const error = await client.post('/api/refused-file').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrorDetail('file')).toEqual({
      field: 'file',
      code: 'formula',
      params: { cell: 'B3', row: 3 },
    });
  });

  it('downloads a file as a blob', async () => {
    const { client } = setup();
    const blob = await client.getBlob('/api/template');
    expect(await blob.text()).toBe('Nom;Secteurs\r\n');
  });
});

describe('api-client session refresh', () => {
  it('makes a single refresh for two concurrent 401s, then retries both once', async () => {
    const { client, session } = setup();
    cleanup = () => client.endSession('signedOut');
    session.signIn('stale-token', me);

    const [a, b] = await Promise.all([client.get<Me>('/api/me'), client.get<Me>('/api/me')]);

    expect(a.email).toBe(me.email);
    expect(b.email).toBe(me.email);
    expect(refreshCalls).toBe(1);
    expect(session.getAccessToken()).toBe('token-2');
  });

  it('does not refresh again for a 401 that lands after another call already refreshed', async () => {
    const { client, session } = setup();
    cleanup = () => client.endSession('signedOut');
    session.signIn('stale-token', me);

    const slow = client.get<Me>('/api/me/slow'); // 401 at ~200 ms
    await client.get('/api/me'); // 401 now, refresh done by ~60 ms
    await expect(slow).resolves.toEqual(me);
    // A second refresh would have presented an already-rotated refresh token.
    expect(refreshCalls).toBe(1);
  });

  it('clears the session and reports it lost when the refresh is refused', async () => {
    const { client, session, lostCount } = setup();
    session.signIn('stale-token', me);
    refreshAllowed = false;

    const results = await Promise.allSettled([client.get('/api/me'), client.get('/api/me')]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(((results[0] as PromiseRejectedResult).reason as ApiError).status).toBe(401);
    expect(refreshCalls).toBe(1);
    expect(session.getState()).toEqual({ status: 'anonymous', reason: 'expired' });
    expect(session.getAccessToken()).toBeNull();
    expect(lostCount()).toBe(1);
  });

  it('says the session ended for inactivity when the server says so', async () => {
    const { client, session, lostCount } = setup();
    session.signIn('stale-token', me);
    refreshAllowed = false;
    refusedCode = 'SESSION_IDLE';
    try {
      await expect(client.get('/api/me')).rejects.toBeInstanceOf(ApiError);
    } finally {
      refusedCode = 'SESSION_EXPIRED';
    }
    expect(session.getState()).toEqual({ status: 'anonymous', reason: 'idle' });
    expect(lostCount()).toBe(1);
  });

  it('restores a session from the refresh cookie on start-up', async () => {
    const { client, session } = setup();
    cleanup = () => client.endSession('signedOut');
    await expect(client.refresh()).resolves.toBe(true);
    expect(session.getState()).toEqual({ status: 'authenticated', user: me });
  });
});

describe('api-client breaking the glass', () => {
  const glassClient = (answer: string | null) => {
    const asked: string[] = [];
    const client = createApiClient({
      baseUrl,
      session: createSessionStore(),
      currentPath: () => '/intervision/groups/g1',
      askBreakGlassReason: (page) => {
        asked.push(page);
        return Promise.resolve(answer);
      },
    });
    return { client, asked };
  };

  it('asks for a reason for the page on screen and reads again with it, percent-encoded', async () => {
    const { client, asked } = glassClient('Remplacement de la coordinatrice absente');
    const body = await client.get<{ reason: string }>('/api/glass');
    expect(body.reason).toBe('Remplacement de la coordinatrice absente');
    expect(asked).toEqual(['/intervision/groups/g1']);
  });

  it('keeps the refusal when the user declines, and never asks for a write', async () => {
    const { client, asked } = glassClient(null);
    const error = await client.get('/api/glass').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'BREAK_GLASS_REQUIRED' });
    const write = await client.post('/api/glass', {}).catch((e: unknown) => e);
    expect(write).toMatchObject({ code: 'BREAK_GLASS_REQUIRED' });
    expect(asked).toHaveLength(1);
  });
});
