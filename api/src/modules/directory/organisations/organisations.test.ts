import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { as } from '../../../../test/helpers/http.js';
import { signedIn } from '../../../../test/helpers/factories.js';
import { refId } from '../../../../test/helpers/reference.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
let worker: Awaited<ReturnType<typeof signedIn>>;
let sector: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, { role: 'admin' });
  worker = await signedIn(t.app, { role: 'worker', poles: ['connect'] });
  sector = {
    homeless: await refId(t.app, worker.auth, 'sector', 'homeless'),
    mental: await refId(t.app, worker.auth, 'sector', 'mental_health'),
    housing: await refId(t.app, worker.auth, 'sector', 'housing'),
  };
});
afterAll(() => t.close());
const create = (body: Record<string, unknown>) => as(t.app, worker.auth).post('/api/organisations', body);
const search = (query: Record<string, unknown>) => as(t.app, worker.auth).get('/api/organisations', query);

describe('organisations', () => {
  it('are created with two sectors, and a Brussels postal code finds the commune', async () => {
    const res = await create({
      nameFr: "L'Îlot — Maison d'accueil",
      nameNl: 'Het Eilandje',
      sectorIds: [sector.homeless, sector.mental],
      postalCode: '1080',
      languages: ['fr', 'nl'],
      email: 'Accueil@Ilot.example',
    });
    expect(res.status).toBe(201);
    expect(res.body.sectors.map((s: { code: string }) => s.code).sort()).toEqual([
      'homeless',
      'mental_health',
    ]);
    expect(res.body.commune).toMatchObject({
      labelFr: 'Molenbeek-Saint-Jean',
      labelNl: 'Sint-Jans-Molenbeek',
    });
    expect(res.body.email).toBe('accueil@ilot.example');
  });

  it('move to the commune of a new Brussels postal code', async () => {
    const o = (await create({ nameFr: 'Déménage', postalCode: '1030' })).body;
    expect(o.commune.labelFr).toBe('Schaerbeek');
    const moved = await as(t.app, worker.auth).patch(`/api/organisations/${o.id}`, { postalCode: '1180' });
    expect(moved.body.commune.labelFr).toBe('Uccle');
  });

  it('need a name in at least one language, and known references', async () => {
    const noName = await create({ sectorIds: [sector.homeless] });
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toContainEqual(expect.objectContaining({ field: 'nameFr', code: 'required' }));
    const badSector = await create({
      nameFr: 'X',
      sectorIds: [sector.homeless, '00000000-0000-4000-8000-000000000000'],
    });
    expect(badSector.body.errors).toContainEqual(
      expect.objectContaining({ field: 'sectorIds/1', code: 'invalid' }),
    );
    const communeAsSector = await create({
      nameFr: 'X',
      sectorIds: [await refId(t.app, worker.auth, 'commune', 'jette')],
    });
    expect(communeAsSector.body.errors).toContainEqual(
      expect.objectContaining({ field: 'sectorIds/0', code: 'invalid' }),
    );
    const badLanguage = await create({ nameFr: 'X', languages: ['fr', 'klingon'] });
    expect(badLanguage.body.errors).toContainEqual(
      expect.objectContaining({ field: 'languages/1', code: 'invalid' }),
    );
  });

  it('refuse a partner reference another organisation has', async () => {
    await create({ nameFr: 'Référencée', externalRef: 'P-001' }).expect(201);
    const res = await create({ nameFr: 'Autre', externalRef: 'P-001' });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'externalRef', code: 'taken' })]);
  });
});

describe('searching the directory', () => {
  beforeAll(async () => {
    for (const body of [
      { nameFr: 'Îlot Saint-Gilles', sectorIds: [sector.homeless], postalCode: '1060' },
      { nameNl: 'Huis van het Kind Anderlecht', sectorIds: [sector.housing], postalCode: '1070' },
      {
        nameFr: 'Service de santé mentale Le Méridien',
        nameNl: 'Centrum Le Méridien',
        sectorIds: [sector.mental],
      },
      { nameFr: 'Îlot fermé', closedOn: '2020-01-31' },
    ]) {
      await create(body).expect(201);
    }
  });

  it('finds L’Îlot by typing ilot, whatever the case and accents', async () => {
    for (const q of ['ilot', 'ILOT', 'Îlot', 'îl']) {
      const res = await search({ q });
      const names = res.body.items.map((o: { nameFr: string }) => o.nameFr);
      expect(names, q).toEqual(expect.arrayContaining(["L'Îlot — Maison d'accueil", 'Îlot Saint-Gilles']));
      expect(names, q).not.toContain('Îlot fermé');
    }
  });

  it('searches French and Dutch names, any part of them, every word', async () => {
    expect((await search({ q: 'eilandje' })).body.items[0].nameFr).toBe("L'Îlot — Maison d'accueil");
    expect((await search({ q: 'meridien centrum' })).body.items).toHaveLength(1);
    expect((await search({ q: 'kind anderl' })).body.items[0].nameNl).toBe('Huis van het Kind Anderlecht');
    expect((await search({ q: 'ilot molenbeek' })).body.total).toBe(0);
  });

  it('filters by sector, commune, closed, and pages', async () => {
    const mental = await search({ sectorId: sector.mental });
    expect(mental.body.items.map((o: { nameFr: string | null }) => o.nameFr)).toEqual(
      expect.arrayContaining(["L'Îlot — Maison d'accueil", 'Service de santé mentale Le Méridien']),
    );
    const stGilles = await search({ communeId: await refId(t.app, worker.auth, 'commune', 'saint_gilles') });
    expect(stGilles.body.items.map((o: { nameFr: string }) => o.nameFr)).toEqual(['Îlot Saint-Gilles']);
    const withClosed = await search({ q: 'ilot', includeClosed: true });
    expect(withClosed.body.items.map((o: { nameFr: string }) => o.nameFr)).toContain('Îlot fermé');
    const page = await search({ pageSize: 2, page: 1 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
  });
});

describe('membership in the directory', () => {
  it('filters organisations by whether they are members today', async () => {
    const member = (await create({ nameFr: 'Adhérente Filtre' })).body;
    const former = (await create({ nameFr: 'Ancienne Filtre' })).body;
    await create({ nameFr: 'Jamais Filtre' }).expect(201);
    const coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });
    const add = (body: Record<string, unknown>) =>
      as(t.app, coordinator.auth).post('/api/members', body).expect(201);
    await add({ organisationId: member.id, startsOn: '2020-01-01' });
    await add({ organisationId: former.id, startsOn: '2020-01-01', endsOn: '2021-12-31' });
    const names = async (member: boolean) =>
      (await search({ q: 'filtre', member })).body.items.map((o: { nameFr: string }) => o.nameFr).sort();
    expect(await names(true)).toEqual(['Adhérente Filtre']);
    expect(await names(false)).toEqual(['Ancienne Filtre', 'Jamais Filtre']);
  });
});

describe('duplicates and merging', () => {
  it('shows possible duplicates of a new name', async () => {
    await create({ nameFr: 'DIOGÈNES' }).expect(201);
    const res = await as(t.app, worker.auth).get('/api/organisations/duplicates', { name: 'Diogenes asbl' });
    expect(res.body.items.map((o: { nameFr: string }) => o.nameFr)).toContain('DIOGÈNES');
    const none = await as(t.app, worker.auth).get('/api/organisations/duplicates', {
      name: 'Tout autre chose',
    });
    expect(none.body.items).toEqual([]);
    const self = res.body.items.find((o: { nameFr: string }) => o.nameFr === 'DIOGÈNES');
    const editing = await as(t.app, worker.auth).get('/api/organisations/duplicates', {
      name: 'Diogènes',
      excludeId: self.id,
    });
    expect(editing.body.items.map((o: { id: string }) => o.id)).not.toContain(self.id);
  });

  it('the Connect coordinator merges two spellings; everything points to the one kept, and it is audited', async () => {
    const kept = (await create({ nameFr: 'Diogènes', sectorIds: [sector.homeless] })).body;
    const dup = (
      await create({
        nameNl: 'Diogenes vzw',
        sectorIds: [sector.mental],
        email: 'info@diogenes.example',
        externalRef: 'DG-7',
      })
    ).body;
    const person = await as(t.app, worker.auth).post('/api/people', {
      firstName: 'Romy',
      lastName: 'Verbruggen',
      affiliations: [{ organisationId: dup.id, function: 'travailleuse de rue' }],
    });
    expect(person.status).toBe(201);

    const denied = await as(t.app, worker.auth).post(`/api/organisations/${kept.id}/merge`, {
      duplicateId: dup.id,
    });
    expect(denied.status).toBe(403);
    const coordinator = await signedIn(t.app, { role: 'coordinator', poles: ['connect'] });

    const res = await as(t.app, coordinator.auth).post(`/api/organisations/${kept.id}/merge`, {
      duplicateId: dup.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.repointed).toMatchObject({ affiliations: 1, sectors: 1 });

    const after = await as(t.app, worker.auth).get(`/api/organisations/${kept.id}`);
    expect(after.body).toMatchObject({
      nameFr: 'Diogènes',
      nameNl: 'Diogenes vzw',
      email: 'info@diogenes.example',
      externalRef: 'DG-7',
    });
    expect(after.body.sectors.map((s: { code: string }) => s.code).sort()).toEqual([
      'homeless',
      'mental_health',
    ]);
    expect((await as(t.app, worker.auth).get(`/api/organisations/${dup.id}`)).status).toBe(404);
    const who = await as(t.app, worker.auth).get(`/api/people/${person.body.id}`);
    expect(who.body.affiliations[0].organisation.id).toBe(kept.id);
    expect((await search({ q: 'diogenes vzw' })).body.items.map((o: { id: string }) => o.id)).toEqual([
      kept.id,
    ]);

    const trail = await as(t.app, admin.auth).get('/api/audit', { action: 'merge', resourceId: kept.id });
    expect(trail.body.items[0].details).toMatchObject({ mergedId: dup.id });
  });

  it('refuses to merge an organisation into itself', async () => {
    const o = (await create({ nameFr: 'Seule' })).body;
    const res = await as(t.app, admin.auth).post(`/api/organisations/${o.id}/merge`, { duplicateId: o.id });
    expect(res.status).toBe(400);
  });
});

describe('who sees the directory', () => {
  it('the board sees no organisation, an accountant sees but cannot change them', async () => {
    const board = await signedIn(t.app, { role: 'board' });
    expect((await as(t.app, board.auth).get('/api/organisations')).status).toBe(403);
    const accountant = await signedIn(t.app, { role: 'accountant' });
    expect((await as(t.app, accountant.auth).get('/api/organisations')).status).toBe(200);
    const res = await as(t.app, accountant.auth).post('/api/organisations', { nameFr: 'Non' });
    expect(res.status).toBe(403);
    expect((await search({ q: 'non' })).body.items.map((o: { nameFr: string }) => o.nameFr)).not.toContain(
      'Non',
    );
  });
});
