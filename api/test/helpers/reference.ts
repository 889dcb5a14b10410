import supertest from 'supertest';
import type { ReferenceItem, ReferenceKind } from '@smes/shared';
import type { App } from '../../src/app.js';

/** The id of a reference item by its code, as the migrations seed it. */
export async function refId(app: App, auth: string, kind: ReferenceKind, code: string): Promise<string> {
  const res = await supertest(app.server)
    .get(`/api/reference/${kind}`)
    .query({ includeRetired: true })
    .set('authorization', auth);
  const item = (res.body.items as ReferenceItem[]).find((i) => i.code === code);
  if (!item) throw new Error(`no ${kind} ${code}`);
  return item.id;
}
