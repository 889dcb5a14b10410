import supertest from 'supertest';
import type { App } from '../../src/app.js';

/**
 * Requests as one signed-in user: `as(app, auth).post(url, body)`. Every request names a purpose
 * (`X-Purpose: follow_up`, or `purpose`; null: none), as the SPA does for sensitive reads: the
 * access-log tests (src/access/reads.test.ts) show the 400 without one. Updates send `If-Match: *`
 * (any version) unless the test names one: the versioning tests (versions.test.ts) send real
 * ETags and check 412 and 428; the other tests are about what an update does.
 */
export function as(app: App, auth: string, { purpose = 'follow_up' }: { purpose?: string | null } = {}) {
  const api = () => {
    const agent = supertest(app.server);
    if (purpose === null) return agent;
    const withPurpose = <T extends { set(name: string, value: string): T }>(test: T) =>
      test.set('x-purpose', purpose);
    return {
      get: (url: string) => withPurpose(agent.get(url)),
      post: (url: string) => withPurpose(agent.post(url)),
      patch: (url: string) => withPurpose(agent.patch(url)),
      put: (url: string) => withPurpose(agent.put(url)),
      delete: (url: string) => withPurpose(agent.delete(url)),
    };
  };
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
