import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisation,
  createPerson,
  createPoleUser,
  referenceId,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { cells, launchBrowser, newPage, pick, screenshot, see, signIn } from './support/browser';

const NBSP = '\u00a0';
const ORG = 'Maison médicale des Marolles';
const ORG_NL = 'Medisch huis Marollen';
const PERSON = 'Inès Vandenbroucke';
const YEAR = new Date().getFullYear();

describe('association', () => {
  let browser: Browser;
  let coordinator: { email: string; name: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    await createOrganisation({
      nameFr: ORG,
      nameNl: ORG_NL,
      sectorIds: [await referenceId('sector', 'general_health')],
    });
    await createPerson({ firstName: 'Inès', lastName: 'Vandenbroucke', email: uniqueEmail('ines') });
    coordinator = await createPoleUser('coordinator', 'connect', 'Lucie Connect');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the Connect coordinator add two members, generate the dues and record a payment', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, coordinator.email, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Association' }).click();
    await see(page.getByRole('heading', { name: 'Membres', level: 1 }));

    // An organisation, then a person, both from today.
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    let form = page.getByRole('form', { name: 'Ajouter un membre' });
    await pick(form, 'Organisation', 'marolles', ORG);
    await form.getByRole('button', { name: 'Ajouter le membre' }).click();
    await see(page.getByText(`${ORG} est désormais membre.`));

    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    form = page.getByRole('form', { name: 'Ajouter un membre' });
    await form.getByRole('radio', { name: 'Personne physique' }).check();
    await pick(form, 'Personne', 'vandenbroucke', PERSON);
    await form.getByRole('button', { name: 'Ajouter le membre' }).click();
    await see(page.getByText(`${PERSON} est désormais membre.`));

    const today = new Intl.DateTimeFormat('fr-BE', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date());
    expect(await cells(page, 'members-table', ORG)).toEqual([
      ORG,
      'Organisation',
      today,
      '—',
      'Santé générale (maisons médicales)',
      "Terminer l'adhésion",
    ]);
    expect((await cells(page, 'members-table', PERSON)).slice(0, 2)).toEqual([PERSON, 'Personne physique']);
    const summary = page.getByTestId('members-by-sector');
    await see(summary.getByText('Membres : 1 organisation et 1 personne physique.'));
    expect(await cells(page, 'members-by-sector', 'Santé générale')).toEqual([
      'Santé générale (maisons médicales)',
      '1',
    ]);
    await screenshot(page, '30-association-members');

    // The printable list, in French, then in Dutch after the switch.
    await page.getByRole('link', { name: 'Liste imprimable' }).click();
    const sheet = page.getByTestId('members-print');
    await see(sheet.getByRole('heading', { name: `Liste des membres au ${today}` }));
    await see(sheet.getByRole('heading', { name: 'Organisation membre (1)' }));
    await see(sheet.getByText('Santé générale'));
    await see(sheet.getByRole('heading', { name: 'Membre à titre individuel (1)' }));
    await see(page.getByRole('button', { name: 'Imprimer' }));
    await screenshot(page, '31-association-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // The language switch redraws the list in Dutch, names included; then back to French.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await see(sheet.getByRole('heading', { name: `Ledenlijst op ${today}` }));
    await see(sheet.getByRole('heading', { name: 'Organisatie die lid is (1)' }));
    await see(sheet.getByText(ORG_NL));
    await see(sheet.getByText('Algemene gezondheidszorg (wijkgezondheidscentra)', { exact: false }));
    await page.getByRole('button', { name: 'Français' }).click();
    await see(sheet.getByRole('heading', { name: `Liste des membres au ${today}` }));

    // The board: the organisation gets a co-chair seat.
    await page
      .getByRole('navigation', { name: "Sections de l'association" })
      .getByRole('link', {
        name: "AG et conseil d'administration",
      })
      .click();
    await see(
      page.getByRole('heading', { name: "Assemblée générale et conseil d'administration", level: 1 }),
    );
    await page.getByRole('button', { name: 'Ajouter un siège' }).click();
    form = page.getByRole('form', { name: 'Ajouter un siège' });
    await form.getByLabel('Organe').selectOption({ label: "Conseil d'administration" });
    await pick(form, 'Organisation', 'marolles', ORG);
    await form.getByLabel('Fonction').selectOption({ label: 'Co-président·e' });
    await form.getByRole('button', { name: 'Ajouter le siège' }).click();
    await see(page.getByText('Le siège a été ajouté.'));
    const board = page.getByTestId('seats-board');
    await see(board.getByRole('row').filter({ hasText: ORG }).getByText('Co-président·e'));
    await screenshot(page, '32-association-governance');

    // This year's dues: one line per member.
    await page
      .getByRole('navigation', { name: "Sections de l'association" })
      .getByRole('link', {
        name: 'Cotisations',
      })
      .click();
    await see(page.getByRole('heading', { name: 'Cotisations', level: 1 }));
    await page.getByRole('button', { name: `Générer les cotisations ${YEAR}` }).click();
    const generate = page.getByRole('form', { name: `Générer les cotisations ${YEAR}` });
    await generate.getByLabel('Montant pour une organisation (€)').fill('120');
    await generate.getByLabel('Montant pour une personne physique (€)').fill('60,00');
    await generate.getByRole('button', { name: `Générer les cotisations ${YEAR}` }).click();
    await see(page.getByText('2 lignes créées, 0 déjà présente.'));

    const totals = page.getByTestId('dues-totals');
    // Before any payment, all of it is outstanding.
    await see(totals.locator('dd').first().getByText(`180,00${NBSP}€`));
    expect(await totals.locator('dd').nth(2).textContent()).toBe(`180,00${NBSP}€`);
    await page.getByRole('button', { name: `Enregistrer le paiement de ${ORG}` }).click();
    await page.getByLabel(`Référence du paiement de ${ORG}`).fill('+++090/1234/56789+++');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await see(page.getByText(`Le paiement de ${ORG} est enregistré.`));
    await see(page.getByTestId('dues-table').getByText('+++090/1234/56789+++'));
    // How it was paid, in the table: the form's default, a transfer.
    const paidRow = await cells(page, 'dues-table', ORG);
    expect([paidRow[3], paidRow[5], paidRow[6]]).toEqual(['Payée', 'Virement', '+++090/1234/56789+++']);

    await page.getByLabel('Statut').selectOption({ label: 'Impayées' });
    await page.waitForURL((url) => url.searchParams.get('status') === 'unpaid');
    const rows = page.getByTestId('dues-table').locator('tbody tr');
    await rows.filter({ hasText: ORG }).waitFor({ state: 'detached' });
    expect(await rows.locator('th').allTextContents()).toEqual([PERSON]);
    expect((await cells(page, 'dues-table', PERSON)).slice(0, 4)).toEqual([
      PERSON,
      'Personne physique',
      `60,00${NBSP}€`,
      'Impayée',
    ]);
    expect(await totals.locator('dd').allTextContents()).toEqual([
      `180,00${NBSP}€`,
      `120,00${NBSP}€`,
      `60,00${NBSP}€`,
      '1',
    ]);
    await screenshot(page, '33-association-dues');
    await context.close();
  });

  it('shows the dues in Dutch, amounts the nl-BE way', async () => {
    const nl = await createPoleUser('coordinator', 'connect', 'Pieter Verbeke', 'nl');
    const { context, page } = await newPage(browser);
    await signIn(page, nl.email, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await nav.getByRole('link', { name: 'Vereniging' }).click();
    await see(page.getByRole('heading', { name: 'Leden', level: 1 }));
    await page.getByRole('link', { name: 'Lidgeld' }).click();
    await see(page.getByRole('heading', { name: 'Lidgeld', level: 1 }));

    const totals = page.getByTestId('dues-totals');
    await see(totals.getByText('Totaal verschuldigd'));
    expect(await totals.locator('dt').allTextContents()).toEqual([
      'Totaal verschuldigd',
      'Betaald',
      'Nog te innen',
      'Niet betaald lidgeld',
    ]);
    expect(await totals.locator('dd').allTextContents()).toEqual([
      `€${NBSP}180,00`,
      `€${NBSP}120,00`,
      `€${NBSP}60,00`,
      '1',
    ]);
    // The organisation under its Dutch name.
    expect((await cells(page, 'dues-table', ORG_NL)).slice(2, 4)).toEqual([`€${NBSP}120,00`, 'Betaald']);
    // The payment method in Dutch.
    expect((await cells(page, 'dues-table', ORG_NL)).slice(5, 6)).toEqual(['Overschrijving']);
    expect((await cells(page, 'dues-table', PERSON)).slice(2, 4)).toEqual([`€${NBSP}60,00`, 'Niet betaald']);
    await see(page.getByRole('button', { name: `Betaling registreren voor ${PERSON}` }));
    await screenshot(page, '34-association-dues-nl');
    await context.close();
  });

  it('gives a Support worker no Association entry, and the 403 page on /association/members', async () => {
    const worker = await createPoleUser('worker', 'support', 'Samir Support');
    const { context, page } = await newPage(browser);
    await signIn(page, worker.email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: 'Bonjour, Samir Support' }));
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Accueil',
      'Répertoire',
      'Rapports',
      "Demandes d'intervention",
      'Supervisions',
      'Formations',
      'Mon compte',
    ]);
    await page.goto('/association/members');
    await see(page.getByRole('heading', { name: 'Accès refusé' }));
    expect(await page.getByTestId('members-table').count()).toBe(0);
    await context.close();
  });
});
