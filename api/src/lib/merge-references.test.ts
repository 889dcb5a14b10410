import { getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { ORGANISATION_MERGE_REFERENCES } from '../modules/directory/organisations/repository.js';
import { PERSON_MERGE_REFERENCES } from '../modules/directory/people/repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The columns the database says point at a table, other than the merge marker itself. */
async function foreignKeysTo(table: 'organisations' | 'people') {
  const result = await t.app.database.db.execute(sql`
    select c.conrelid::regclass::text as "table", a.attname as "column"
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and c.confrelid = ${table}::regclass and a.attname <> 'merged_into_id'`);
  return (result as { rows: { table: string; column: string }[] }).rows
    .map((r) => `${r.table}.${r.column}`)
    .sort();
}

const listed = (refs: readonly { table: Parameters<typeof getTableName>[0]; column: { name: string } }[]) =>
  refs.map((r) => `${getTableName(r.table)}.${r.column.name}`);

describe('a merge moves every reference', () => {
  it('every foreign key to organisations is moved by an organisation merge', async () => {
    // Sectors and types are merged as a union, apart.
    const handledApart = ['organisation_sectors.organisation_id', 'organisation_types.organisation_id'];
    expect(await foreignKeysTo('organisations')).toEqual(
      [...listed(ORGANISATION_MERGE_REFERENCES), ...handledApart].sort(),
    );
  });

  it('every foreign key to people is moved by a person merge', async () => {
    expect(await foreignKeysTo('people')).toEqual(listed(PERSON_MERGE_REFERENCES).sort());
  });

  it("a merged person's registration, facilitation and meetings follow the kept person", async () => {
    const { auth } = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
    const post = (url: string, body: object) => t.http().post(url).set('authorization', auth).send(body);
    const org = (await post('/api/organisations', { nameFr: 'Maison Peuplier' }).expect(201)).body.id;
    const kept = (await post('/api/people', { firstName: 'Inès', lastName: 'Lambert' }).expect(201)).body.id;
    const dup = (await post('/api/people', { firstName: 'Ines', lastName: 'Lambert' }).expect(201)).body.id;
    const cycleId = (
      await post('/api/intervision/cycles', { name: 'Fusion', startsOn: '2026-09-01', endsOn: '2027-06-30' })
    ).body.id;
    const groupId = (
      await post('/api/intervision/groups', {
        cycleId,
        name: 'Groupe fusion',
        kind: 'intersectoral',
        language: 'fr',
        weekday: 2,
        startTime: '09:00',
        endTime: '12:00',
        facilitatorIds: [dup],
      }).expect(201)
    ).body.id;
    await post('/api/intervision/registrations', { groupId, personId: dup, organisationId: org }).expect(201);
    const meeting = (
      await post('/api/representation-meetings', {
        heldOn: '2026-10-05',
        body: 'Conseil régional',
        topic: 'Accès aux soins',
        attendeeIds: [kept, dup],
      }).expect(201)
    ).body.id;

    await post(`/api/people/${kept}/merge`, { duplicateId: dup }).expect(200);

    const group = (await t.http().get(`/api/intervision/groups/${groupId}`).set('authorization', auth)).body;
    expect(group.group.facilitators.map((f: { id: string }) => f.id)).toEqual([kept]);
    expect(group.registrations[0].person.id).toBe(kept);
    const log = (await t.http().get('/api/representation-meetings').set('authorization', auth)).body;
    expect(
      log.items.find((m: { id: string }) => m.id === meeting).attendees.map((p: { id: string }) => p.id),
    ).toEqual([kept]);
  });
});
