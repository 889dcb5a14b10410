import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMembership,
  createOrganisation,
  createPerson,
  createPoleUser,
  referenceId,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { cells, launchBrowser, newPage, pick, screenshot, see, signIn } from './support/browser';

const NBSP = '\u00a0';
/** nl-BE puts the euro sign first: "€ 120,00" (fr-BE writes "120,00 €"). */
const euros = (amount: string) => `€${NBSP}${amount}`;
const NL_LOGIN = { title: 'Aanmelden', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden' };

// Fictional organisations and people, unique to this file (the e2e files share one database).
const CYCLE = '2032-2033 NL';
const GROUP = 'Nederlandstalige groep Linde';
const MEMBER_ORG = 'Huis Linde';
const OTHER_ORG = 'De Meidoorn';
const GRIET = 'Griet Van Acker';
const BRAM = 'Bram Goossens';
const ILSE = 'Ilse Verstraete';

/**
 * What these screens would show in French had a Dutch string gone missing (i18next falls back to
 * French) or been written in the code: none of it may appear on a Dutch screen.
 */
const FRENCH = [
  'séance',
  'Séance',
  'Inscri',
  'inscri',
  'otisation',
  'Groupe',
  'groupe',
  'Participant',
  'Chiffres',
  'Tarif membre',
  'non-membre',
  'Enregistrer',
  'Retour',
  'Planifier',
  'Présences',
  'Facturé',
  'Nouveau',
  'jeudi',
];

async function expectNoFrench(page: Page) {
  const text = await page.locator('main').innerText();
  expect(FRENCH.filter((word) => text.includes(word))).toEqual([]);
  // Amounts the French way, "120,00 €", would betray a formatter that ignores the language.
  expect(text).not.toMatch(/\d,\d\d\s€/);
}

/** Registers through the Dutch form, on the registration date given. */
async function register(page: Page, search: string, name: string, registeredOn: string) {
  await page.getByRole('button', { name: 'Deelnemer inschrijven' }).click();
  const form = page.getByRole('form', { name: 'Deelnemer inschrijven' });
  await pick(form, 'Deelnemer', search, name);
  await form.getByLabel('Datum van inschrijving').fill(registeredOn);
  await form.getByRole('button', { name: 'Inschrijven', exact: true }).click();
  return form;
}

const summary = (page: Page, testId: string) => page.getByTestId(testId).locator('summary').textContent();

describe('intervision in Dutch', () => {
  let browser: Browser;
  let coordinator: { email: string; name: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    const [mentalHealth, homeless, general] = await Promise.all([
      referenceId('sector', 'mental_health'),
      referenceId('sector', 'homeless'),
      referenceId('sector', 'general_social'),
    ]);
    const [linde, meidoorn, wilg] = await Promise.all([
      createOrganisation({ nameNl: MEMBER_ORG, sectorIds: [general] }),
      createOrganisation({ nameNl: OTHER_ORG, sectorIds: [homeless] }),
      createOrganisation({ nameNl: 'Centrum De Wilg', sectorIds: [mentalHealth] }),
    ]);
    await createMembership({ organisationId: linde.id, startsOn: '2020-01-01' });
    // De Meidoorn joins only in October 2032: not a member yet when Ilse registers in September.
    await createMembership({ organisationId: meidoorn.id, startsOn: '2032-10-01' });
    const person = (firstName: string, lastName: string, organisationId: string) =>
      createPerson({
        firstName,
        lastName,
        email: uniqueEmail(lastName.toLowerCase().replace(/\s/g, '')),
        affiliations: [{ organisationId }],
      });
    await Promise.all([
      person('Hanne', 'Desmet', wilg.id),
      person('Koen', 'Jacobs', linde.id),
      person('Griet', 'Van Acker', linde.id),
      person('Bram', 'Goossens', linde.id),
      person('Ilse', 'Verstraete', meidoorn.id),
    ]);
    coordinator = await createPoleUser('coordinator', 'connect', 'Els Coppens', 'nl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a Dutch-speaking coordinator set up a cycle, register, cancel and read the figures in Dutch', async () => {
    const { context, page } = await newPage(browser, { locale: 'nl-BE' });
    await signIn(page, coordinator.email, USER_PASSWORD, NL_LOGIN);
    await see(page.getByRole('heading', { name: 'Hallo, Els Coppens' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await nav.getByRole('link', { name: 'Intervisie' }).click();
    await see(page.getByRole('heading', { name: 'Intervisie', level: 1 }));

    // The cycle, fees prefilled at €120 / €150.
    await page.getByRole('button', { name: 'Nieuwe cyclus' }).click();
    const cycleForm = page.getByRole('form', { name: 'Nieuwe cyclus' });
    expect(await cycleForm.getByLabel('Tarief leden (€)').inputValue()).toBe('120,00');
    expect(await cycleForm.getByLabel('Tarief niet-leden (€)').inputValue()).toBe('150,00');
    await cycleForm.getByLabel('Naam van de cyclus').fill(CYCLE);
    await cycleForm.getByLabel('Eerste dag').fill('2032-09-01');
    await cycleForm.getByLabel('Laatste dag').fill('2033-06-30');
    await cycleForm.getByRole('button', { name: 'Cyclus aanmaken' }).click();
    await see(page.getByRole('heading', { name: `Cyclus ${CYCLE}`, level: 1 }));
    await see(page.getByText(`De cyclus ${CYCLE} is aangemaakt.`));
    expect(await page.getByTestId('cycle-facts').locator('dd').allTextContents()).toEqual([
      'van 01/09/2032 tot 30/06/2033',
      euros('120,00'),
      euros('150,00'),
    ]);

    // A Dutch group: the form starts in the user's language, on Thursdays from 14:00 to 17:00.
    await page.getByRole('button', { name: 'Nieuwe groep' }).click();
    const groupForm = page.getByRole('form', { name: 'Nieuwe groep' });
    await groupForm.getByLabel('Naam van de groep').fill(GROUP);
    expect(await groupForm.getByRole('radio', { name: 'Nederlandstalig' }).isChecked()).toBe(true);
    expect(await groupForm.getByLabel('Dag van de week').inputValue()).toBe('4');
    expect(await groupForm.getByLabel('Dag van de week').locator('option:checked').textContent()).toBe(
      'donderdag',
    );
    expect(await groupForm.getByLabel('Beginuur').inputValue()).toBe('14:00');
    expect(await groupForm.getByLabel('Einduur').inputValue()).toBe('17:00');
    await pick(groupForm, 'Eerste gespreksleider', 'desmet', 'Hanne Desmet');
    await pick(groupForm, 'Tweede gespreksleider', 'jacobs', 'Koen Jacobs');
    await groupForm.getByRole('button', { name: 'Groep aanmaken' }).click();
    await see(page.getByText(`De groep ${GROUP} is aangemaakt.`));
    expect(await page.getByTestId('group-warnings').count()).toBe(0);
    expect(await cells(page, 'groups-table', GROUP)).toEqual([
      GROUP,
      'Intersectoriële intervisie',
      'Nederlandstalig',
      'donderdag, 14u–17u',
      '10',
      '0 ingeschreven, 0 op de wachtlijst',
      'Hanne Desmet & Koen Jacobs',
      '—',
    ]);
    await expectNoFrench(page);
    await screenshot(page, '46-intervision-nl-cycle');

    // Sessions: the second Thursday from October to December, then one in January at Huis Linde.
    await page.getByRole('link', { name: GROUP }).click();
    await see(page.getByRole('heading', { name: GROUP, level: 1 }));
    await page.getByRole('button', { name: 'Plannen volgens een regel' }).click();
    const rule = page.getByRole('form', { name: 'Sessies plannen volgens een regel' });
    await rule.getByLabel('Welke dag van de maand').selectOption({ label: 'tweede' });
    expect(await rule.getByLabel('Dag van de week').inputValue()).toBe('4');
    await rule.getByLabel('Vanaf').fill('2032-10-01');
    await rule.getByLabel('Tot en met').fill('2032-12-31');
    await see(rule.getByText('Regel: de tweede donderdag van elke maand.'));
    await rule.getByRole('button', { name: 'Data bekijken' }).click();
    const preview = page.getByTestId('generate-preview');
    await see(preview.getByText('3 nieuwe data:'));
    expect(await preview.locator('li').allTextContents()).toEqual(['14/10/2032', '11/11/2032', '09/12/2032']);
    await preview.getByRole('button', { name: '3 sessies aanmaken' }).click();
    await see(page.getByText('3 sessies zijn aangemaakt.'));
    await page.getByRole('button', { name: 'Sessie toevoegen' }).click();
    const addSession = page.getByRole('form', { name: 'Sessie toevoegen' });
    await addSession.getByLabel('Datum van de sessie').fill('2033-01-13');
    await pick(addSession, 'Gastorganisatie', 'linde', MEMBER_ORG);
    await addSession.getByRole('button', { name: 'Sessie toevoegen' }).click();
    await see(page.getByText('De sessie van 13/01/2033 is toegevoegd.'));
    expect(await page.getByTestId('sessions-table').locator('tbody th').allTextContents()).toEqual([
      '14/10/2032donderdag',
      '11/11/2032donderdag',
      '09/12/2032donderdag',
      '13/01/2033donderdag',
    ]);

    // A worker of a member organisation: €120.
    await register(page, 'acker', GRIET, '2032-09-15');
    await see(page.getByText(`${GRIET} is ingeschreven: bijdrage van ${euros('120,00')} (tarief leden).`));
    // Her colleague is stopped, in Dutch, the organisation named.
    const refused = await register(page, 'goossens', BRAM, '2032-09-15');
    await see(
      refused
        .getByRole('alert')
        .getByText(`${MEMBER_ORG} heeft al een medewerker ingeschreven in deze groep.`),
    );
    await see(refused.getByText('Eén persoon per organisatie per groep', { exact: false }));
    // Someone else chosen in the same form: a worker of De Meidoorn, not yet a member in September.
    await refused.getByRole('button', { name: `Wijzigen: ${BRAM} is gekozen` }).click();
    await refused.getByTestId('registration-taken').waitFor({ state: 'detached' });
    await pick(refused, 'Deelnemer', 'verstraete', ILSE);
    await refused.getByLabel('Datum van inschrijving').fill('2032-09-20');
    await refused.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    await see(
      page.getByText(`${ILSE} is ingeschreven: bijdrage van ${euros('150,00')} (tarief niet-leden).`),
    );
    expect((await cells(page, 'registrations-table', GRIET)).slice(0, 8)).toEqual([
      GRIET,
      MEMBER_ORG,
      '15/09/2032',
      'Ingeschreven',
      euros('120,00'),
      'Lid',
      'Niet betaald',
      '—',
    ]);
    expect((await cells(page, 'registrations-table', ILSE)).slice(1, 6)).toEqual([
      OTHER_ORG,
      '20/09/2032',
      'Ingeschreven',
      euros('150,00'),
      'Niet-lid',
    ]);
    expect(await page.getByTestId('registrations-table').getByText(BRAM).count()).toBe(0);

    // November is cancelled, with its reason; October was held by video, Griet there.
    await page.getByRole('button', { name: 'Sessie annuleren: 11/11/2032' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sessie van 11/11/2032 annuleren' });
    await dialog.getByRole('button', { name: 'Sessie annuleren', exact: true }).click();
    await see(dialog.getByText('Dit veld is verplicht.'));
    await dialog.getByLabel('Reden van de annulering').fill('Staking bij het openbaar vervoer');
    await dialog.getByRole('button', { name: 'Sessie annuleren', exact: true }).click();
    await see(page.getByText('De sessie van 11/11/2032 is geannuleerd.'));
    await page.getByRole('button', { name: 'Markeren als online doorgegaan: sessie van 14/10/2032' }).click();
    // A session to come is not held by one tap: the page asks first.
    const early = page.getByRole('dialog', {
      name: 'De sessie van 14/10/2032 heeft nog niet plaatsgevonden',
    });
    await see(
      early.getByText('Een doorgegane sessie telt mee in de cijfers van de cyclus.', { exact: false }),
    );
    await early.getByRole('button', { name: 'Markeren als online doorgegaan', exact: true }).click();
    await see(page.getByText('De sessie van 14/10/2032 is als online doorgegaan gemarkeerd.'));
    expect((await cells(page, 'sessions-table', '11/11/2032')).slice(2, 3)).toEqual([
      'GeannuleerdStaking bij het openbaar vervoer',
    ]);
    expect((await cells(page, 'sessions-table', '14/10/2032')).slice(2, 3)).toEqual(['Online doorgegaan']);
    await page.getByRole('button', { name: 'Aanwezigheden op de sessie van 14/10/2032' }).click();
    const attendance = page.getByRole('form', { name: 'Aanwezigheden op de sessie van 14/10/2032' });
    // 'Iedereen aanwezig' ticks both who were participants that day; then only Griet came.
    await attendance.getByRole('button', { name: 'Iedereen aanwezig' }).click();
    const boxes = await attendance.getByRole('checkbox').all();
    expect(boxes).toHaveLength(2);
    for (const box of boxes) expect(await box.isChecked()).toBe(true);
    for (const box of boxes) await box.uncheck();
    await attendance.getByRole('checkbox', { name: `${GRIET} (${MEMBER_ORG})` }).check();
    await attendance.getByRole('button', { name: 'Aanwezigheden opslaan' }).click();
    await see(page.getByText('De aanwezigheden op de sessie van 14/10/2032 zijn opgeslagen.'));
    expect((await cells(page, 'sessions-table', '14/10/2032')).slice(3, 4)).toEqual(['Aanwezig: 1 van de 2']);
    // Huis Linde hosts in January: De Meidoorn has yet to.
    const hosts = page.getByTestId('hosts-pending');
    await see(hosts.getByRole('heading', { name: 'Nog geen gastorganisatie geweest' }));
    expect(await hosts.getByRole('listitem').allTextContents()).toEqual([OTHER_ORG]);
    await expectNoFrench(page);
    await screenshot(page, '47-intervision-nl-group');

    // The cycle's figures, in Dutch, each with its records one click away.
    await page.getByRole('link', { name: `Terug naar cyclus ${CYCLE}` }).click();
    await page
      .getByRole('navigation', { name: "Pagina's van de cyclus" })
      .getByRole('link', { name: 'Cijfers', exact: true })
      .click();
    await see(page.getByRole('heading', { name: `Cijfers van cyclus ${CYCLE}`, level: 1 }));
    // The cycle names the page; its figures follow from the engine.
    await see(page.getByTestId('figure-groups'));
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Groepen en deelnemers',
      'Sessies',
      'Deelnemers per sector',
      'Bijdragen',
    ]);
    expect(await summary(page, 'figure-groups')).toBe('Groepen1');
    expect(await summary(page, 'figure-groupsHeld')).toBe('Groepen die samenkwamen1');
    expect(await summary(page, 'figure-participants')).toBe('Deelnemers2');
    expect(await summary(page, 'figure-institutions')).toBe('Verschillende instellingen2');
    expect(await summary(page, 'figure-sectors')).toBe('Vertegenwoordigde sectoren2');
    expect(await summary(page, 'figure-sessions-held')).toBe('Fysiek doorgegaan0');
    expect(await summary(page, 'figure-sessions-heldVideo')).toBe('Online doorgegaan1');
    expect(await summary(page, 'figure-sessions-cancelled')).toBe('Geannuleerd1');
    expect(await summary(page, 'figure-sessions-planned')).toBe('Nog gepland2');
    expect(await summary(page, 'figure-fees-invoiced')).toBe(`Gefactureerd${euros('270,00')}`);
    expect(await summary(page, 'figure-fees-received')).toBe(`Ontvangen${euros('0,00')}`);
    expect((await cells(page, 'figures-by-sector', 'Thuislozenzorg')).slice(0, 3)).toEqual([
      'Thuislozenzorg',
      '1',
      '50%',
    ]);
    expect((await cells(page, 'figures-by-sector', 'Algemeen welzijnswerk')).slice(0, 3)).toEqual([
      'Algemeen welzijnswerk (OCMW, thuiszorg)',
      '1',
      '50%',
    ]);
    // Equal counts in Dutch alphabetical order (the French names would put homelessness first).
    expect(await page.getByTestId('figures-by-sector').locator('tbody th').allTextContents()).toEqual([
      'Algemeen welzijnswerk (OCMW, thuiszorg)',
      'Thuislozenzorg',
    ]);
    const participants = page.getByTestId('figure-participants');
    await participants.locator('summary').click();
    await see(participants.getByRole('link', { name: `${ILSE} – ${OTHER_ORG}` }));
    const cancelled = page.getByTestId('figure-sessions-cancelled');
    await cancelled.locator('summary').click();
    await see(cancelled.getByRole('link', { name: `11/11/2032 – ${GROUP}` }));
    const planned = page.getByTestId('figure-sessions-planned');
    await planned.locator('summary').click();
    // The records are fetched when the figure opens.
    await see(planned.getByRole('listitem').first());
    expect(await planned.getByRole('listitem').allTextContents()).toEqual([
      `09/12/2032 – ${GROUP}`,
      `13/01/2033 – ${GROUP}`,
    ]);
    await expectNoFrench(page);
    await screenshot(page, '48-intervision-nl-figures');
    await context.close();
  }, 90_000); // one long scenario, as the coordinator lives it
});
