import supertest from 'supertest';
import type { App } from '../../src/app.js';

/** Requests as one signed-in user: `as(app, auth).post(url, body)`. */
export function as(app: App, auth: string) {
  const api = () => supertest(app.server);
  return {
    get: (url: string, query: Record<string, unknown> = {}) =>
      api().get(url).query(query).set('authorization', auth),
    post: (url: string, body: Record<string, unknown>) =>
      api().post(url).set('authorization', auth).send(body),
    patch: (url: string, body: Record<string, unknown>) =>
      api().patch(url).set('authorization', auth).send(body),
    put: (url: string, body: Record<string, unknown>) => api().put(url).set('authorization', auth).send(body),
    delete: (url: string) => api().delete(url).set('authorization', auth),
  };
}
