import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { makeUser } from './factories.js';
import type { as } from './http.js';

type Api = ReturnType<typeof as>;

/** A record created by `api`: its 201 expected (the route and the answer named if not), its body. */
export async function createdBy(api: Api, url: string, body: object) {
  const res = await api.post(url, body as Record<string, unknown>);
  expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(201);
  return res.body as { id: string; version: number };
}

/** Two new Support workers: the pair an intervention or a supervision session takes. */
export const supportPair = async (app: App) => [
  (await makeUser(app, { role: 'worker', poles: ['support'] })).id,
  (await makeUser(app, { role: 'worker', poles: ['support'] })).id,
];

/** A training module titled `titleFr` (and "Module" in Dutch). */
export const trainingModule = (api: Api, titleFr: string) =>
  createdBy(api, '/api/support/trainings/modules', { titleFr, titleNl: 'Module' });

/** An edition by Smes, on video on 6 October 2026 (`extra` adds to it), of a new module titled `titleFr`. */
export async function trainingEdition(api: Api, titleFr: string, extra: Record<string, unknown> = {}) {
  const m = await trainingModule(api, titleFr);
  return createdBy(api, '/api/support/trainings/editions', {
    moduleId: m.id,
    organiser: 'smes',
    format: 'video',
    days: ['2026-10-06'],
    ...extra,
  });
}
