import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCycle,
  createGroup,
  createMembership,
  createOrganisation,
  createPerson,
  createPoleUser,
  createRegistration,
  createSession,
  referenceId,
  updateSession,
  USER_PASSWORD,
} from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

/*
 * The Reports page on 2016, a year no other browser test writes in (the files share a
 * database): two member organisations, one of them in two sectors, and an intervision group
 * that met once with a participant from each. Fictional names, unique to this file.
 */
const MEMBERS = 'association.members.organisations';
const PARTICIPANTS = 'connect.intervision.participants';
const NEW_REQUESTS = 'support.requests.new';
const NL_LOGIN = { title: 'Aanmelden', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden' };

const figure = (page: Page, id: string) => page.locator(`li[data-figure="${id}"]`);

async function chooseYear(
  page: Page,
  labels: { form: string; kind: string; kindValue: string; year: string; apply: string },
) {
  const form = page.getByRole('form', { name: labels.form });
  await form.getByLabel(labels.kind).selectOption({ label: labels.kindValue });
  await form.getByLabel(labels.year, { exact: true }).selectOption('2016');
  await form.getByRole('button', { name: labels.apply }).click();
  await page.waitForURL(
    (url) => url.search.includes('from=2016-01-01') && url.search.includes('to=2016-12-31'),
  );
  // The previous period's figures stay on screen, marked busy, until 2016's arrive.
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
}

async function downloadedCsv(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

describe('the Reports page', () => {
  let browser: Browser;
  let mentalHealth: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    mentalHealth = await referenceId('sector', 'mental_health');
    const housing = await referenceId('sector', 'housing');
    const glycines = await createOrganisation({
      nameFr: 'Les Glycines de Forest',
      sectorIds: [mentalHealth],
    });
    const tamaris = await createOrganisation({
      nameFr: 'Maison Tamaris',
      sectorIds: [mentalHealth, housing],
    });
    for (const org of [glycines, tamaris]) {
      await createMembership({ organisationId: org.id, startsOn: '2016-01-01', endsOn: '2016-12-31' });
    }
    const cycle = await createCycle({
      name: 'Cycle 2016 des rapports',
      startsOn: '2016-01-01',
      endsOn: '2016-12-31',
    });
    const group = await createGroup({
      cycleId: cycle.id,
      name: 'Groupe du mardi Tamaris',
      kind: 'intersectoral',
      language: 'fr',
      weekday: 2,
      startTime: '09:30',
      endTime: '12:00',
      facilitatorIds: [],
    });
    for (const [first, last, org] of [
      ['Solène', 'Verbruggen', glycines],
      ['Anouk', 'Dewaele', tamaris],
    ] as const) {
      const person = await createPerson({ firstName: first, lastName: last });
      await createRegistration({
        groupId: group.id,
        personId: person.id,
        organisationId: org.id,
        registeredOn: '2016-01-15',
      });
    }
    const session = await createSession({ groupId: group.id, startsOn: '2016-03-08' });
    await updateSession(session.id, { status: 'held' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a year by pole in French: records in one click, a chart that prints, CSV, and a report saved then reprinted', async () => {
    const coordinator = await createPoleUser('coordinator', 'connect', 'Maëlle Rapport', 'fr');
    const { context, page } = await newPage(browser);
    await signIn(page, coordinator.email, USER_PASSWORD);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Rapports' })
      .click();
    await see(page.getByRole('heading', { name: 'Rapports', level: 1 }));
    await chooseYear(page, {
      form: 'Période du rapport',
      kind: 'Type de période',
      kindValue: 'Une année',
      year: 'Année',
      apply: 'Afficher les chiffres',
    });
    await see(page.getByRole('heading', { name: 'Du 01/01/2016 au 31/12/2016' }));
    await see(page.getByRole('heading', { name: 'Connect', level: 2 }));
    await see(page.getByRole('heading', { name: 'Association', level: 2 }));
    await expect.poll(() => figure(page, MEMBERS).locator('.report-figure__value').textContent()).toBe('2');
    // Support's figures come with no code of the page's own; a Connect coordinator reads their
    // values and charts, never their records.
    await see(page.getByRole('heading', { name: 'Support', level: 2 }));
    await see(figure(page, NEW_REQUESTS).getByText('Nouvelles demandes', { exact: true }));
    await see(
      figure(page, 'support.requests.about-women').getByText('Demandes concernant une femme', {
        exact: true,
      }),
    );
    await see(
      figure(page, NEW_REQUESTS).getByRole('button', { name: 'Graphique par secteur : Nouvelles demandes' }),
    );
    expect(
      await figure(page, NEW_REQUESTS)
        .getByRole('button', { name: /^Enregistrements/ })
        .count(),
    ).toBe(0);
    await expect
      .poll(() => figure(page, PARTICIPANTS).locator('.report-figure__value').textContent())
      .toBe('2');

    // The records behind a figure, one click away, in the alphabetical order of their
    // organisation (then of the person), the same order from one page to the next.
    await page.getByRole('button', { name: 'Enregistrements : Participant·es', exact: true }).click();
    const records = page.getByRole('region', { name: 'Les enregistrements derrière « Participant·es »' });
    await see(records.getByText('Dewaele', { exact: false }));
    const names = await records.getByRole('listitem').allTextContents();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Les Glycines de Forest · Solène Verbruggen/);
    expect(names[1]).toMatch(/^Maison Tamaris · Anouk Dewaele/);

    // The members by sector as bars, counts and shares written beside them.
    await page
      .getByRole('button', { name: 'Graphique par secteur : Organisations membres', exact: true })
      .click();
    const chart = page.getByRole('list', { name: 'Organisations membres par secteur' });
    await see(chart);
    expect(await chart.getByRole('listitem').allTextContents()).toEqual(
      ['Santé mentale2 (100 %)', 'Logement (union des locataires, SISP, AIS)1 (50 %)'].map((s) =>
        s.replace(/ %/g, '\u00a0%'),
      ),
    );

    // Printing keeps the figures and the chart, drops the menu, the controls and every name.
    await page.emulateMedia({ media: 'print' });
    await see(chart);
    expect(await records.isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    const csv = await downloadedCsv(page, 'Télécharger pour Excel (CSV)');
    expect(csv.name).toBe('rapport-2016-01-01-2016-12-31.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Du;Au;Pôle;Indicateur;Répartition;Valeur;Unité;Part (%)');
    expect(lines).toContain('01/01/2016;31/12/2016;Association;Organisations membres;;2;nombre;');
    expect(lines).toContain(
      '01/01/2016;31/12/2016;Association;Organisations membres;Secteur : Santé mentale;2;nombre;100',
    );
    expect(lines).toContain('01/01/2016;31/12/2016;Connect;Participant·es;;2;nombre;');
    expect(lines.some((l) => l.startsWith('01/01/2016;31/12/2016;Support;Nouvelles demandes;;'))).toBe(true);

    // Saved as sent: the reprint comes from the stored values, and says what changed since.
    const save = page.getByRole('form', { name: "Enregistrer le rapport tel qu'envoyé" });
    await save.getByLabel('Titre du rapport').fill('Rapport annuel 2016 — Cocof');
    await save.getByRole('button', { name: 'Enregistrer le rapport' }).click();
    await see(page.getByRole('heading', { name: 'Rapport annuel 2016 — Cocof', level: 1 }));
    await see(
      page.getByText(/Période du 01\/01\/2016 au 31\/12\/2016 · enregistré le .* par Maëlle Rapport/),
    );
    await see(page.getByText("Aucun chiffre n'a changé depuis l'enregistrement."));
    expect(await figure(page, MEMBERS).locator('.report-figure__value').textContent()).toBe('2');
    await see(page.getByRole('list', { name: 'Organisations membres par secteur' }));
    await screenshot(page, 'reports-saved-fr');

    // A member entered late for 2016: the reprint is unchanged, the difference is shown.
    const late = await createOrganisation({ nameFr: 'Atelier Perce-Neige', sectorIds: [mentalHealth] });
    await createMembership({ organisationId: late.id, startsOn: '2016-06-01', endsOn: '2016-12-31' });
    await page.reload();
    await see(page.getByRole('heading', { name: 'Rapport annuel 2016 — Cocof', level: 1 }));
    const changes = page.getByTestId('report-changes');
    await see(changes.getByText("1 chiffre se lit autrement aujourd'hui pour la même période :"));
    const row = changes.getByRole('row').filter({ hasText: 'Organisations membres' });
    expect(await row.locator('th, td').allTextContents()).toEqual(['Organisations membres', '2', '3', '+1']);
    // and the bar of the chart sent that moved with it.
    const bar = changes.getByRole('row').filter({ hasText: 'Secteur : Santé mentale' });
    expect(await bar.locator('th, td').allTextContents()).toEqual([
      'Secteur : Santé mentale',
      '2',
      '3',
      '+1',
    ]);
    expect(await figure(page, MEMBERS).locator('.report-figure__value').textContent()).toBe('2');
    await context.close();
  });

  it('speaks Dutch: the same year, records, chart, CSV with Dutch headings, and a saved report', async () => {
    const coordinator = await createPoleUser('coordinator', 'connect', 'Wout Rapport', 'nl');
    const { context, page } = await newPage(browser, { locale: 'nl-BE' });
    await signIn(page, coordinator.email, USER_PASSWORD, NL_LOGIN);
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Rapporten' })
      .click();
    await see(page.getByRole('heading', { name: 'Rapporten', level: 1 }));
    await chooseYear(page, {
      form: 'Periode van het rapport',
      kind: 'Soort periode',
      kindValue: 'Een jaar',
      year: 'Jaar',
      apply: 'Cijfers tonen',
    });
    await see(page.getByRole('heading', { name: 'Van 01/01/2016 tot 31/12/2016' }));
    await see(page.getByRole('heading', { name: 'Connect', level: 2 }));
    await see(page.getByRole('heading', { name: 'Vereniging', level: 2 }));
    await see(page.getByRole('heading', { name: 'Support', level: 2 }));
    await see(figure(page, NEW_REQUESTS).getByText('Nieuwe aanvragen', { exact: true }));
    await expect.poll(() => figure(page, MEMBERS).locator('.report-figure__value').textContent()).toBe('3');

    await page.getByRole('button', { name: 'Gegevens : Deelnemers', exact: true }).click();
    await see(
      page
        .getByRole('region', { name: 'De gegevens achter ‘Deelnemers’' })
        .getByText('Verbruggen', { exact: false }),
    );

    await page.getByRole('button', { name: 'Grafiek per sector : Lid-organisaties', exact: true }).click();
    const chart = page.getByRole('list', { name: 'Lid-organisaties per sector' });
    await see(chart.getByText('Geestelijke gezondheid'));

    // On a phone, records and chart open, nothing sticks out sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'reports-phone-nl');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'reports-print-nl');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 860 });

    const csv = await downloadedCsv(page, 'Downloaden voor Excel (CSV)');
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Van;Tot en met;Pool;Indicator;Verdeling;Waarde;Eenheid;Aandeel (%)');
    expect(lines).toContain('01/01/2016;31/12/2016;Vereniging;Lid-organisaties;;3;aantal;');
    expect(lines).toContain(
      '01/01/2016;31/12/2016;Vereniging;Lid-organisaties;Sector: Geestelijke gezondheidszorg;3;aantal;100',
    );

    const save = page.getByRole('form', { name: 'Het rapport bewaren zoals het verstuurd is' });
    await save.getByLabel('Titel van het rapport').fill('Jaarverslag 2016 — VGC');
    await save.getByRole('button', { name: 'Rapport bewaren' }).click();
    await see(page.getByRole('heading', { name: 'Jaarverslag 2016 — VGC', level: 1 }));
    await see(page.getByText('Geen enkel cijfer is veranderd sinds het bewaren.'));
    await see(
      page.getByRole('list', { name: 'Lid-organisaties per sector' }).getByText('Geestelijke gezondheid'),
    );
    await screenshot(page, 'reports-saved-nl');
    await context.close();
  });
});
