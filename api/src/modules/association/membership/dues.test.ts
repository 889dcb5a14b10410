import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as as asUser } from '../../../../test/helpers/http.js';

let t: TestApp;
let coordinator: Awaited<ReturnType<typeof signedIn>>;
const as = (auth: string) => asUser(t.app, auth);
let c: ReturnType<typeof as>;
let org: (name: string, sectors?: string[]) => Promise<string>;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
  c = as(coordinator.auth);
  org = async (name, sectors = []) =>
    (await c.post('/api/organisations', { nameFr: name, sectorIds: sectors })).body.id;
});
afterAll(() => t.close());

describe('dues', () => {
  it('are generated for the year’s members, paid, and the unpaid ones listed with totals', async () => {
    const year = 2031;
    const a = await org('Cotisante A');
    const b = await org('Cotisante B');
    const p = (await c.post('/api/people', { firstName: 'Elif', lastName: 'Yilmaz' })).body.id;
    await c.post('/api/members', { organisationId: a, startsOn: '2030-01-01' }).expect(201);
    await c.post('/api/members', { organisationId: b, startsOn: '2031-09-01' }).expect(201);
    await c.post('/api/members', { personId: p, startsOn: '2029-01-01', endsOn: '2031-02-28' }).expect(201);

    const generated = await c.post('/api/dues/generate', {
      year,
      organisationAmount: '100',
      personAmount: '20.50',
    });
    expect(generated.body).toEqual({ created: 3, alreadyThere: 0 });
    expect(
      (await c.post('/api/dues/generate', { year, organisationAmount: '100', personAmount: '20' })).body,
    ).toEqual({
      created: 0,
      alreadyThere: 3,
    });

    const totals = async () =>
      (
        await c
          .get('/api/figures/values', {
            from: `${year}-01-01`,
            to: `${year}-12-31`,
            ids: ['due', 'paid', 'outstanding', 'unpaid'].map((id) => `association.dues.${id}`).join(','),
          })
          .expect(200)
      ).body.values.map((v: { value: number }) => v.value);
    const all = await c.get('/api/dues', { year });
    // Due 100 + 100 + 20.50, nothing paid yet, three unpaid.
    expect(await totals()).toEqual([220.5, 0, 220.5, 3]);
    const lineA = all.body.items.find(
      (l: { holder: { organisation: { id: string } | null } }) => l.holder.organisation?.id === a,
    );
    // A pays 60.50 of its 100: partly paid.
    await c
      .patch(`/api/dues/${lineA.id}`, {
        payment: {
          paidOn: '2031-03-15',
          amount: '60.50',
          method: 'transfer',
          reference: '+++090/1234/56789+++',
        },
      })
      .expect(200);

    const unpaid = await c.get('/api/dues', { year, status: 'unpaid' });
    const names = unpaid.body.items.map(
      (l: { holder: { organisation: { nameFr: string } | null; person: { lastName: string } | null } }) =>
        l.holder.organisation?.nameFr ?? l.holder.person?.lastName,
    );
    expect(names.sort()).toEqual(['Cotisante B', 'Yilmaz']);
    expect(unpaid.body.total).toBe(2);
    // The year's totals count what was paid: due 220.50, paid 60.50, outstanding 220.50 - 60.50
    // = 160, two unpaid (B, Yilmaz), whatever the list shows.
    expect(await totals()).toEqual([220.5, 60.5, 160, 2]);

    // Yilmaz pays 25 for 20.50 (over-paid): paid 60.50 + 25 = 85.50, outstanding 220.50 - 85.50
    // = 135 (the 4.50 too much lowers it), one unpaid.
    const lineP = all.body.items.find(
      (l: { holder: { person: { id: string } | null } }) => l.holder.person?.id === p,
    );
    const overpaid = await c
      .patch(`/api/dues/${lineP.id}`, { payment: { paidOn: '2031-04-02', amount: '25', method: 'cash' } })
      .expect(200);
    expect(await totals()).toEqual([220.5, 85.5, 135, 1]);
    // The paid figure's records show what was paid beside what was due.
    const records = await c
      .get('/api/figures/association.dues.paid/records', { from: `${year}-01-01`, to: `${year}-12-31` })
      .expect(200);
    expect(
      records.body.items
        .map((r: { id: string; amount: number; paid: number }) => [r.id, r.amount, r.paid])
        .sort(),
    ).toEqual(
      [
        [lineA.id, 100, 60.5],
        [lineP.id, 20.5, 25],
      ].sort(),
    );

    // Yilmaz's payment undone: back to what A paid.
    await c.patch(`/api/dues/${lineP.id}`, { payment: null }, overpaid.headers.etag).expect(200);
    expect(await totals()).toEqual([220.5, 60.5, 160, 2]);

    const twice = await c.post('/api/dues', { year, organisationId: a, amountDue: '100' });
    expect(twice.status).toBe(409);
  });
});
