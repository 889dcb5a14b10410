import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createOrganisation,
  createPerson,
  createUser,
  referenceId,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

/** The names in the organisations table, once the list shows what was asked. */
async function listedNames(page: Page): Promise<string[]> {
  const table = page.getByTestId('organisations-table');
  await see(table);
  await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  return table.locator('tbody th a').allTextContents();
}

async function search(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).fill(text);
  // Debounced into the URL; the table follows the URL.
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

describe('directory', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Another organisation, so that a search has something to leave out.
    await createOrganisation({
      nameFr: 'Le Méridien',
      nameNl: 'De Meridiaan',
      sectorIds: [await referenceId('sector', 'mental_health')],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("creates L'Îlot with its sector, then finds it by typing “ilot”", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Répertoire' }).click();
    await see(page.getByRole('heading', { name: 'Organisations', level: 1 }));

    await page.getByRole('link', { name: 'Nouvelle organisation' }).click();
    const form = page.getByRole('form', { name: 'Nouvelle organisation' });
    // Refused first: no name at all, said beside the French name.
    await form.getByRole('button', { name: "Créer l'organisation" }).click();
    await see(form.getByText('Ce champ est obligatoire.'));

    await form.getByLabel('Nom en français').fill("L'Îlot");
    // "Service de santé mentale" is a type: the sector is the exact name.
    await form.getByRole('checkbox', { name: 'Santé mentale', exact: true }).check();
    await form.getByLabel('Code postal').fill('1060');
    // A Brussels postal code fills the commune before saving.
    expect(await form.getByLabel('Commune').locator('option:checked').textContent()).toBe('Saint-Gilles');
    await form.getByRole('checkbox', { name: 'Français' }).check();
    await screenshot(page, '10-organisation-new');
    await form.getByRole('button', { name: "Créer l'organisation" }).click();

    await see(page.getByRole('heading', { name: "L'Îlot", level: 1 }));
    await see(page.getByText("L'organisation L'Îlot a été créée."));
    await page.reload(); // said once, not again on reload
    await see(page.getByRole('heading', { name: "L'Îlot", level: 1 }));
    expect(await page.getByText("L'organisation L'Îlot a été créée.").count()).toBe(0);
    const classification = page.getByTestId('organisation-classification');
    await see(classification.getByText('Santé mentale', { exact: true }));
    await see(classification.getByText('Français', { exact: true }));

    await page.getByRole('link', { name: 'Toutes les organisations' }).click();
    expect(await listedNames(page)).toEqual(expect.arrayContaining(["L'Îlot", 'Le Méridien']));
    await search(page, 'Rechercher', 'ilot');
    expect(await listedNames(page)).toEqual(["L'Îlot"]);
    const row = page.getByTestId('organisations-table').getByRole('row').filter({ hasText: "L'Îlot" });
    expect(await row.locator('th, td').allTextContents()).toEqual([
      "L'Îlot",
      'Saint-Gilles',
      'Santé mentale',
    ]);
    await screenshot(page, '11-organisations-search');
    await context.close();
  });

  it('warns about DIOGÈNES while “Diogenes asbl” is typed, then still creates it', async () => {
    await createOrganisation({ nameFr: 'DIOGÈNES', postalCode: '1000' });
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: /^Bonjour/ }));
    await page.goto('/directory/organisations/new');

    const form = page.getByRole('form', { name: 'Nouvelle organisation' });
    await form.getByLabel('Nom en français').fill('Diogenes asbl');
    const warning = page.getByRole('region', { name: 'Doublons possibles' });
    await see(warning);
    await see(warning.getByRole('link', { name: 'DIOGÈNES' }));
    await screenshot(page, '12-organisation-duplicates');

    await form.getByRole('button', { name: "Créer l'organisation" }).click();
    await see(page.getByRole('heading', { name: 'Diogenes asbl', level: 1 }));
    await context.close();
  });

  it('flags “Escale maison d’accueil” against the longer name already there, and warns of a postal code Ixelles does not have', async () => {
    await createOrganisation({ nameFr: "L'Escale — Maison d'accueil Sainte-Anne" });
    await createOrganisation({ nameFr: "CPAS d'Ixelles" });
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: /^Bonjour/ }));
    await page.goto('/directory/organisations/new');

    const form = page.getByRole('form', { name: 'Nouvelle organisation' });
    await form.getByLabel('Nom en français').fill("Escale maison d'accueil");
    const warning = page.getByRole('region', { name: 'Doublons possibles' });
    await see(warning.getByRole('link', { name: "L'Escale — Maison d'accueil Sainte-Anne" }));
    // Another CPAS is not the same organisation: the common word does not make them alike.
    await form.getByLabel('Nom en français').fill('CPAS de Forest');
    await warning.waitFor({ state: 'detached' });

    await form.getByLabel('Code postal').fill('9999');
    await form.getByRole('combobox', { name: 'Commune' }).selectOption({ label: 'Ixelles' });
    await see(
      form.getByText("Ce code postal n'est pas celui de Ixelles (1050) : vérifiez l'adresse.", {
        exact: false,
      }),
    );
    expect(await form.getByLabel('Code postal').getAttribute('aria-describedby')).toContain('warning');
    await form.getByLabel('Code postal').fill('1050');
    await form.getByTestId('field-warning').waitFor({ state: 'detached' });
    await form.getByLabel('Code postal').fill('9999');
    // A warning, not a refusal: the organisation is created as typed.
    await form.getByRole('button', { name: "Créer l'organisation" }).click();
    await see(page.getByRole('heading', { name: 'CPAS de Forest', level: 1 }));

    // An address that cannot name a record is a page not found, not a field error.
    for (const path of ['/directory/organisations/pas-un-id', '/directory/organisations/pas-un-id/edit']) {
      await page.goto(path);
      await see(page.getByRole('heading', { name: 'Page introuvable' }));
    }
    await context.close();
  });

  it('lets the admin merge “Diogenes asbl” into DIOGÈNES: one left, its people moved', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: /^Bonjour/ }));
    await page.goto('/directory/organisations?q=diogenes');
    expect((await listedNames(page)).sort()).toEqual(['DIOGÈNES', 'Diogenes asbl']);

    // Someone works at the duplicate: the merge must move them.
    const duplicate = page.getByRole('link', { name: 'Diogenes asbl' });
    const duplicateId = (await duplicate.getAttribute('href'))?.split('/').pop() ?? '';
    await createPerson({
      firstName: 'Sara',
      lastName: 'Peeters',
      email: uniqueEmail('sara'),
      affiliations: [
        { organisationId: duplicateId, function: 'Travailleuse de rue', startsOn: '2024-09-01' },
      ],
    });

    await page.getByRole('link', { name: 'DIOGÈNES' }).click();
    await see(page.getByRole('heading', { name: 'DIOGÈNES', level: 1 }));
    const panel = page.getByTestId('merge-panel');
    await panel.getByLabel('Organisation en double').fill('Diogenes asbl');
    await panel.getByRole('button', { name: /Diogenes asbl/ }).click();
    await panel.getByRole('button', { name: 'Fusionner…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Confirmer la fusion' });
    // French typography: no-break spaces inside the guillemets.
    await see(dialog.getByText('Fusionner «\u00a0Diogenes asbl\u00a0» dans «\u00a0DIOGÈNES\u00a0»\u00a0?'));
    // What follows the kept organisation, per kind of record, as the API counts it.
    await see(dialog.getByTestId('merge-moves').getByText(/^Affiliation\s:\s1$/));
    await screenshot(page, '13-organisation-merge-confirm');
    await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();

    await see(page.getByText('Fusion effectuée : 1 rattachement déplacé.'));
    await see(page.getByTestId('organisation-people').getByRole('link', { name: 'Sara Peeters' }));
    await screenshot(page, '14-organisation-detail');

    // A new person from here starts at DIOGÈNES, and hears of the Sara Peeters already there.
    await page.getByRole('link', { name: 'Ajouter une personne' }).click();
    const personForm = page.getByRole('form', { name: 'Nouvelle personne' });
    await see(personForm.getByRole('group', { name: 'Organisation' }).getByText('DIOGÈNES'));
    await personForm.getByLabel('Prénom').fill('Sara');
    await personForm.getByLabel('Nom', { exact: true }).fill('Peeters');
    await see(
      page.getByRole('region', { name: 'Doublons possibles' }).getByRole('link', { name: 'Sara Peeters' }),
    );
    await screenshot(page, '15-person-new-duplicates');

    await page.goto('/directory/organisations?q=diogenes');
    expect(await listedNames(page)).toEqual(['DIOGÈNES']);

    // The person's history now names the kept organisation; ending it keeps it there.
    await page.goto('/directory/people?q=peeters');
    await page.getByTestId('people-table').getByRole('link', { name: 'Sara Peeters' }).click();
    const affiliations = page.getByTestId('affiliations-table');
    const row = affiliations.getByRole('row').filter({ hasText: 'DIOGÈNES' });
    await see(row.getByText('En cours'));
    await row.getByRole('button', { name: 'Terminer le rattachement à DIOGÈNES' }).click();
    await row.getByLabel('Date de fin du rattachement à DIOGÈNES').fill('2025-06-30');
    await row.getByRole('button', { name: 'Enregistrer la fin' }).click();
    await see(page.getByText('Le rattachement à DIOGÈNES est terminé.'));
    expect(await row.locator('th, td').allTextContents()).toEqual([
      'DIOGÈNES',
      'Travailleuse de rue',
      '01/09/2024',
      '30/06/2025',
      'Terminé',
      '',
    ]);
    await screenshot(page, '16-person-detail');
    await context.close();
  });

  it('speaks Dutch on the organisation page, reference labels included', async () => {
    const email = uniqueEmail('medewerker');
    await createUser({
      email,
      displayName: 'Jan De Smet',
      role: 'worker',
      poles: ['connect'],
      password: USER_PASSWORD,
      locale: 'nl',
    });
    const { context, page } = await newPage(browser);
    await signIn(page, email, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await nav.getByRole('link', { name: 'Adressenboek' }).click();
    await see(page.getByRole('heading', { name: 'Organisaties', level: 1 }));
    await search(page, 'Zoeken', 'ilot');
    await page.getByRole('link', { name: "L'Îlot" }).click();

    await see(page.getByRole('heading', { name: "L'Îlot", level: 1 }));
    const classification = page.getByTestId('organisation-classification');
    // The labels come from reference lists that load after the page: wait for them to show.
    await see(classification.getByText('Geestelijke gezondheidszorg', { exact: true }));
    await see(classification.getByText('Frans', { exact: true }));
    await see(page.getByText('Sint-Gillis'));
    // A worker may edit, but only an administrator merges.
    await see(page.getByRole('link', { name: 'Wijzigen' }));
    expect(await page.getByTestId('merge-panel').count()).toBe(0);
    await screenshot(page, '17-organisation-nl');
    await context.close();
  });

  it('shows an accountant the organisations, read only, and the 403 page for people', async () => {
    const email = uniqueEmail('comptable');
    await createUser({
      email,
      displayName: 'Claire Lambert',
      role: 'accountant',
      poles: [],
      password: USER_PASSWORD,
    });
    const { context, page } = await newPage(browser);
    await signIn(page, email, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Répertoire' }).click();
    await see(page.getByRole('heading', { name: 'Organisations', level: 1 }));
    expect(await listedNames(page)).toEqual(expect.arrayContaining(["L'Îlot", 'DIOGÈNES']));
    expect(await page.getByRole('link', { name: 'Nouvelle organisation' }).count()).toBe(0);
    const sections = page.getByRole('navigation', { name: 'Sections du répertoire' });
    expect(await sections.getByRole('link').allTextContents()).toEqual(['Organisations']);
    await screenshot(page, '18-organisations-accountant');

    await page.getByRole('link', { name: "L'Îlot" }).click();
    await see(page.getByRole('heading', { name: "L'Îlot", level: 1 }));
    expect(await page.getByRole('link', { name: 'Modifier' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Personnes rattachées actuellement' }).count()).toBe(0);

    await page.goto('/directory/people');
    await see(page.getByRole('heading', { name: 'Accès refusé' }));
    expect(await page.getByTestId('people-table').count()).toBe(0);
    await context.close();
  });

  it('lets the admin add a sector to the reference list and retire it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Listes de référence' }).click();
    await see(page.getByRole('heading', { name: 'Listes de référence', level: 1 }));
    await see(page.getByRole('tab', { name: 'Secteurs', selected: true }));

    await page.getByRole('button', { name: 'Ajouter un élément' }).click();
    const form = page.getByRole('form', { name: 'Ajouter un élément à la liste «\u00a0Secteurs\u00a0»' });
    await form.getByLabel('Code', { exact: true }).fill('peer_support');
    await form.getByLabel('Libellé en français').fill('Pair-aidance');
    await form.getByLabel('Libellé en néerlandais').fill('Ervaringsdeskundigheid');
    await form.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await see(page.getByText('«\u00a0Pair-aidance\u00a0» a été ajouté à la liste.'));

    const row = page.getByTestId('reference-table').getByRole('row').filter({ hasText: 'peer_support' });
    await row.getByRole('button', { name: 'Renommer Pair-aidance' }).click();
    await row.getByLabel('Libellé en français').fill('Pair-aidance et expertise du vécu');
    await screenshot(page, '19-reference-rename');
    await row.getByRole('button', { name: 'Enregistrer' }).click();
    await see(page.getByText('«\u00a0Pair-aidance et expertise du vécu\u00a0» a été enregistré.'));
    expect(await row.locator('th, td').allTextContents()).toEqual(
      expect.arrayContaining(['peer_support', 'Pair-aidance et expertise du vécu', 'Ervaringsdeskundigheid']),
    );

    await row.getByRole('button', { name: 'Retirer Pair-aidance et expertise du vécu' }).click();
    await see(row.getByText('Retiré'));
    await see(row.getByRole('button', { name: 'Rétablir Pair-aidance et expertise du vécu' }));

    await page.getByRole('tab', { name: 'Communes' }).click();
    await see(
      page.getByTestId('reference-table').getByRole('row').filter({ hasText: '1000, 1020, 1120, 1130' }),
    );
    await screenshot(page, '20-reference-communes');
    await context.close();
  });
});
