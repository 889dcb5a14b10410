import supertest from 'supertest';
import type { App } from '../../src/app.js';

/**
 * Requests as one signed-in user: `as(app, auth).post(url, body)`. Updates send `If-Match: *`
 * (any version) unless the test names one: the versioning tests (versions.test.ts) send real
 * ETags and check 412 and 428; the other tests are about what an update does.
 */
export function as(app: App, auth: string) {
  const api = () => supertest(app.server);
  return {
    get: (url: string, query: Record<string, unknown> = {}) =>
      api().get(url).query(query).set('authorization', auth),
    post: (url: string, body: Record<string, unknown>) =>
      api().post(url).set('authorization', auth).send(body),
    patch: (url: string, body: Record<string, unknown>, ifMatch = '*') =>
      api().patch(url).set('authorization', auth).set('if-match', ifMatch).send(body),
    put: (url: string, body: Record<string, unknown>, ifMatch = '*') =>
      api().put(url).set('authorization', auth).set('if-match', ifMatch).send(body),
    delete: (url: string) => api().delete(url).set('authorization', auth),
  };
}
