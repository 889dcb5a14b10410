import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { signedIn } from '../../test/helpers/factories.js';
import { columnLabel, type MergeTarget } from '../db/merge-links.js';
import { mergeLinksOf } from '../modules/merge-links.js';

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

/** The foreign keys the modules' merge links declare they move. */
const declared = (target: MergeTarget) =>
  mergeLinksOf(target)
    .flatMap((link) => (link.column ? [columnLabel(link.column)] : []))
    .sort();

describe('a merge moves every reference', () => {
  it('every foreign key to organisations is moved by an organisation merge', async () => {
    expect(await foreignKeysTo('organisations')).toEqual(declared('organisation'));
  });

  it('every foreign key to people is moved by a person merge', async () => {
    expect(await foreignKeysTo('people')).toEqual(declared('person'));
  });

  it("a merged person's registration, facilitation and meetings follow the kept person", async () => {
    const { auth } = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
    // Groups and registrations answer the people they name: a purpose goes with them (decision 21).
    const post = (url: string, body: object) =>
      t.http().post(url).set('authorization', auth).set('x-purpose', 'follow_up').send(body);
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

    const group = (
      await t
        .http()
        .get(`/api/intervision/groups/${groupId}`)
        .set('authorization', auth)
        .set('x-purpose', 'follow_up')
    ).body;
    expect(group.group.facilitators.map((f: { id: string }) => f.id)).toEqual([kept]);
    expect(group.registrations[0].person.id).toBe(kept);
    const log = (await t.http().get('/api/representation-meetings').set('authorization', auth)).body;
    expect(
      log.items.find((m: { id: string }) => m.id === meeting).attendees.map((p: { id: string }) => p.id),
    ).toEqual([kept]);
  });
});
