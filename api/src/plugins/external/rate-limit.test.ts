import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/app.js';
import configPlugin from '../app/config.js';
import errorHandler from '../app/errors.js';
import rateLimit from './rate-limit.js';

const app = Fastify({ logger: false });
beforeAll(async () => {
  await app.register(configPlugin, { config: testConfig({ RATE_LIMIT_PER_MINUTE: '3' }) });
  await app.register(errorHandler);
  await app.register(rateLimit);
  app.get('/api/anything', async () => ({ ok: true }));
  await app.ready();
});
afterAll(() => app.close());

describe('the global rate limit', () => {
  it('answers 429 problem details with Retry-After past the configured requests per minute, per address', async () => {
    const from = (remoteAddress: string) =>
      app.inject({ method: 'GET', url: '/api/anything', remoteAddress });
    for (let i = 0; i < 3; i++) expect((await from('192.0.2.1')).statusCode).toBe(200);
    const refused = await from('192.0.2.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('192.0.2.2')).statusCode).toBe(200);
  });
});
