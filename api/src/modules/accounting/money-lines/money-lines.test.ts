import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { as } from '../../../../test/helpers/http.js';
import { newCycle, newGroup } from '../../../../test/helpers/intervision.js';

/**
 * The money lines of a period, gathered from every module's declaration (dues, intervision
 * fees), against a fixture counted by hand: amounts whose float sum is not exact (100.10 + 0.20
 * + 75.35), payments on the period's first and last days, one the day after, one the day
 * before, and one recorded then undone.
 */
let t: TestApp;
let c: ReturnType<typeof as>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  c = as(t.app, (await signedIn(t.app, { role: 'coordinator', poles: ['connect'] })).auth);
  for (const [key, name] of [
    ['payeuse', 'Asbl Payeuse Fictive'],
    ['tardive', 'Asbl Tardive Fictive'],
    ['precoce', 'Asbl Précoce Fictive'],
  ] as const) {
    ids[key] = (
      await c.post('/api/organisations', { nameFr: name, nameNl: `${name} NL` }).expect(201)
    ).body.id;
  }
  for (const [key, lastName] of [
    ['membre', 'Janssens'],
    ['q', 'Dubois'],
    ['r', 'Peeters'],
    ['s', 'Lambert'],
  ] as const) {
    ids[key] = (await c.post('/api/people', { firstName: 'Camille', lastName }).expect(201)).body.id;
  }
  const paid = (url: string, payment: Record<string, unknown> | null) =>
    c.patch(url, { payment }).expect(200);

  // Dues: 100.10 paid in full on 1 February, 0.20 in cash on 31 March (the last day), 50 on
  // 1 April (after the period).
  const due = async (holder: Record<string, string>, amountDue: string) =>
    (await c.post('/api/dues', { year: 2031, ...holder, amountDue }).expect(201)).body.id as string;
  ids.dueA = await due({ organisationId: ids.payeuse! }, '100.10');
  ids.dueP = await due({ personId: ids.membre! }, '0.20');
  ids.dueB = await due({ organisationId: ids.tardive! }, '50');
  await paid(`/api/dues/${ids.dueA}`, {
    paidOn: '2031-02-01',
    method: 'transfer',
    reference: '+++090/0000/00101+++',
  });
  await paid(`/api/dues/${ids.dueP}`, { paidOn: '2031-03-31', method: 'cash' });
  await paid(`/api/dues/${ids.dueB}`, { paidOn: '2031-04-01', method: 'transfer' });

  // Intervision fees (€150 for non-members): 75.35 by card on 1 January (the first day); one
  // paid on 15 February then undone; one paid on 31 December before.
  const cycle = await newCycle(c, { name: '2030-2031', startsOn: '2030-09-01', endsOn: '2031-06-30' });
  const group = await newGroup(c, cycle.id, 'Groupe Fictif');
  const register = async (personId: string, organisationId: string) =>
    (
      await c
        .post('/api/intervision/registrations', {
          groupId: group.id,
          personId,
          organisationId,
          registeredOn: '2030-09-10',
        })
        .expect(201)
    ).body.id as string;
  ids.regQ = await register(ids.q!, ids.payeuse!);
  ids.regR = await register(ids.r!, ids.tardive!);
  ids.regS = await register(ids.s!, ids.precoce!);
  const reg = (id: string) => `/api/intervision/registrations/${id}`;
  await paid(reg(ids.regQ), { paidOn: '2031-01-01', amount: '75.35', method: 'card' });
  await paid(reg(ids.regR), { paidOn: '2031-02-15', method: 'transfer' });
  await paid(reg(ids.regR), null);
  await paid(reg(ids.regS), { paidOn: '2030-12-31', method: 'transfer' });
});
afterAll(() => t.close());

describe('money lines', () => {
  it("list every module's lines of a period by date, and their exact sum", async () => {
    const accountant = as(t.app, (await signedIn(t.app, { role: 'accountant' })).auth);
    const res = await accountant
      .get('/api/money-lines', { from: '2031-01-01', to: '2031-03-31' })
      .expect(200);
    expect(res.body.items).toEqual([
      {
        source: 'connect.intervision.fees',
        date: '2031-01-01',
        amount: '75.35',
        counterparty: { id: ids.payeuse, nameFr: 'Asbl Payeuse Fictive', nameNl: 'Asbl Payeuse Fictive NL' },
        label: { fr: 'Intervision 2030-2031', nl: 'Intervisie 2030-2031' },
        analyticCode: null,
        recordKind: 'intervision_registration',
        recordId: ids.regQ,
      },
      {
        source: 'association.dues',
        date: '2031-02-01',
        amount: '100.10',
        counterparty: { id: ids.payeuse, nameFr: 'Asbl Payeuse Fictive', nameNl: 'Asbl Payeuse Fictive NL' },
        label: { fr: 'Cotisation 2031', nl: 'Lidgeld 2031' },
        analyticCode: null,
        recordKind: 'due',
        recordId: ids.dueA,
      },
      {
        source: 'association.dues',
        date: '2031-03-31',
        amount: '0.20',
        // A person who is a member in their own name: no organisation, and no name either.
        counterparty: null,
        label: { fr: 'Cotisation 2031', nl: 'Lidgeld 2031' },
        analyticCode: null,
        recordKind: 'due',
        recordId: ids.dueP,
      },
    ]);
    // 75.35 + 100.10 + 0.20, added in cents (as floats it would be 175.64999999999998).
    expect(res.body.total).toBe('175.65');
    expect(res.body).toMatchObject({ from: '2031-01-01', to: '2031-03-31' });

    // The whole school year: the payment of 31 December and that of 1 April join.
    const year = await accountant
      .get('/api/money-lines', { from: '2030-09-01', to: '2031-08-31' })
      .expect(200);
    expect(year.body.items.map((l: { date: string }) => l.date)).toEqual([
      '2030-12-31',
      '2031-01-01',
      '2031-02-01',
      '2031-03-31',
      '2031-04-01',
    ]);
    expect(year.body.total).toBe('375.65');
  });

  it('are read by administrators too, and by nobody else', async () => {
    const admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
    expect((await admin.get('/api/money-lines', { from: '2031-01-01', to: '2031-03-31' })).body.total).toBe(
      '175.65',
    );
    for (const who of [
      { role: 'coordinator', poles: ['connect'] },
      { role: 'worker', poles: ['connect'] },
      { role: 'board' },
    ] as { role: 'coordinator' | 'worker' | 'board'; poles?: 'connect'[] }[]) {
      const other = as(t.app, (await signedIn(t.app, who)).auth);
      const res = await other.get('/api/money-lines', { from: '2031-01-01', to: '2031-03-31' });
      expect(res.status, who.role).toBe(403);
    }
  });

  it('refuse a period that ends before it starts, naming the field', async () => {
    const accountant = as(t.app, (await signedIn(t.app, { role: 'accountant' })).auth);
    const res = await accountant.get('/api/money-lines', { from: '2031-03-31', to: '2031-01-01' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'tooSmall' })]);
  });
});

describe('analytic codes', () => {
  const linesOfQ1 = async (c: ReturnType<typeof as>) =>
    (await c.get('/api/money-lines', { from: '2031-01-01', to: '2031-03-31' }).expect(200)).body.items.map(
      (l: { source: string; analyticCode: string | null }) => [l.source, l.analyticCode],
    );

  it('are set by the accountant per source of money lines, and every line of the source carries it', async () => {
    const accountant = as(t.app, (await signedIn(t.app, { role: 'accountant' })).auth);
    // Nothing set yet: every source listed, in both languages, without a code.
    expect((await accountant.get('/api/analytic-codes').expect(200)).body.items).toEqual([
      {
        id: 'association.dues',
        label: { fr: 'Cotisations des membres', nl: 'Lidgeld van de leden' },
        recordKind: 'due',
        code: null,
        version: 1,
      },
      {
        id: 'connect.intervision.fees',
        label: { fr: "Participations aux groupes d'intervision", nl: 'Deelnames aan intervisiegroepen' },
        recordKind: 'intervision_registration',
        code: null,
        version: 1,
      },
      {
        id: 'support.supervisions.fees',
        label: { fr: 'Supervisions d’équipes', nl: 'Teamsupervisies' },
        recordKind: 'support_supervision',
        code: null,
        version: 1,
      },
      {
        id: 'support.trainings.fees',
        label: {
          fr: 'Participations aux formations de Support',
          nl: 'Deelnames aan opleidingen van Support',
        },
        recordKind: 'support_training_participant',
        code: null,
        version: 1,
      },
    ]);

    // The dues go on 7010-COTIS, under the version read.
    const dues = await accountant
      .put('/api/analytic-codes/association.dues', { code: '7010-COTIS' }, '"v1"')
      .expect(200);
    expect(dues.body).toMatchObject({ id: 'association.dues', code: '7010-COTIS', version: 2 });
    expect(dues.headers.etag).toBe('"v2"');
    expect(await linesOfQ1(accountant)).toEqual([
      ['connect.intervision.fees', null],
      ['association.dues', '7010-COTIS'],
      ['association.dues', '7010-COTIS'],
    ]);

    // The intervision fees on a funder's grant code.
    await accountant
      .put('/api/analytic-codes/connect.intervision.fees', { code: 'COCOF/2031 CONNECT' })
      .expect(200);
    expect(await linesOfQ1(accountant)).toEqual([
      ['connect.intervision.fees', 'COCOF/2031 CONNECT'],
      ['association.dues', '7010-COTIS'],
      ['association.dues', '7010-COTIS'],
    ]);

    // Someone else's change in between: the stale version is refused with the code as it is.
    const stale = await accountant.put('/api/analytic-codes/association.dues', { code: '7011' }, '"v1"');
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ code: '7010-COTIS', version: 2 });
    // Without If-Match: 428.
    const bare = await t
      .http()
      .put('/api/analytic-codes/association.dues')
      .set('authorization', (await signedIn(t.app, { role: 'accountant' })).auth)
      .send({ code: '7011' });
    expect(bare.status).toBe(428);

    // A code an accounting package would not take, and a source no module declares.
    const bad = await accountant.put('/api/analytic-codes/association.dues', { code: '<70>' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    await accountant.put('/api/analytic-codes/association.gifts', { code: '7020' }).expect(404);

    // Cleared: the dues' lines carry none again. The change is in the audit log.
    await accountant.put('/api/analytic-codes/association.dues', { code: null }).expect(200);
    expect((await linesOfQ1(accountant)).slice(1)).toEqual([
      ['association.dues', null],
      ['association.dues', null],
    ]);
    const admin = as(t.app, (await signedIn(t.app, { role: 'admin' })).auth);
    const trail = await admin
      .get('/api/audit', { resourceType: 'analytic_code', resourceId: 'association.dues' })
      .expect(200);
    expect(trail.body.items).toHaveLength(2);
    // Administrators set them too.
    await admin.put('/api/analytic-codes/association.dues', { code: '7010' }).expect(200);
  });

  it('are read and set by nobody but the accountant and administrators', async () => {
    for (const who of [
      { role: 'coordinator', poles: ['connect'] },
      { role: 'worker', poles: ['connect'] },
      { role: 'board' },
    ] as { role: 'coordinator' | 'worker' | 'board'; poles?: 'connect'[] }[]) {
      const other = as(t.app, (await signedIn(t.app, who)).auth);
      expect((await other.get('/api/analytic-codes')).status, who.role).toBe(403);
      expect((await other.put('/api/analytic-codes/association.dues', { code: '1' })).status, who.role).toBe(
        403,
      );
    }
    expect((await t.http().get('/api/analytic-codes')).status).toBe(401);
  });
});
