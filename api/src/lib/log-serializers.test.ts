import { sql } from 'drizzle-orm';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { testConfig } from '../../test/helpers/app.js';
import { freshDatabase } from '../../test/helpers/database.js';
import { signedIn } from '../../test/helpers/factories.js';

// Fictional names, standing for what people type into the search and what queries write.
const SEARCHED = 'Verhaegen-Fictif';
const WRITTEN = 'Amélie Exemple-Secret';

const lines: string[] = [];
let app: App;
let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
  app = await buildApp({
    config: testConfig(),
    database,
    closeDatabase: false,
    logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
  });
  app.get(
    '/api/test/failing-query',
    { config: { access: { public: true } }, schema: { operationId: 'testFailingQuery' } },
    async () => app.database.db.execute(sql`select * from no_such_table where name = ${WRITTEN}`),
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('the logs', () => {
  it('say which query failed, never the values it carried', async () => {
    lines.length = 0;
    expect((await supertest(app.server).get('/api/test/failing-query')).status).toBe(500);
    const logged = lines.join('\n');
    expect(logged).toContain('Failed query: select * from no_such_table where name = $1');
    expect(logged).toContain('42P01');
    expect(logged).not.toContain(WRITTEN);
  });

  it('name the route a request went to, without its query string', async () => {
    const { auth } = await signedIn(app, { role: 'admin' });
    lines.length = 0;
    await supertest(app.server)
      .get('/api/people')
      .query({ q: SEARCHED })
      .set('x-purpose', 'follow_up')
      .set('authorization', auth)
      .expect(200);
    const logged = lines.join('\n');
    expect(logged).toContain('"url":"/api/people?…"');
    expect(logged).not.toContain(SEARCHED);
  });
});
