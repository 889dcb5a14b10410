import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildXlsx } from '../../api/src/modules/platform/imports/reader/test-fixtures';
import { createOrganisation } from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The texts of each body row of a table, cell by cell. */
async function rows(page: Page, testId: string): Promise<string[][]> {
  const body = page.getByTestId(testId).locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await body.count()); i++)
    out.push(await body.nth(i).locator('th, td').allTextContents());
  return out;
}

async function openImports(page: Page) {
  await signIn(page, inject('adminEmail'), inject('adminPassword'));
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Imports' }).click();
  await see(page.getByRole('heading', { name: 'Imports', level: 1 }));
}

describe('imports', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('previews a Dutch Excel member list with no error, imports it, then finds L’Îlot by “ilot”', async () => {
    // Saved the way a Flemish partner's Excel does: Dutch titles, a title-less sheet name.
    const xlsx = buildXlsx({
      name: 'Blad1',
      rows: [
        ['Referentie', 'Naam', 'Nom', 'Sector', 'Postcode'],
        ['SMES-001', "L'Îlot", "L'Îlot", 'Thuislozenzorg', 1060],
        [
          'SMES-002',
          'Wijkgezondheidscentrum De Brug',
          'Maison médicale Le Pont',
          'Algemene gezondheidszorg (wijkgezondheidscentra)',
          '1080',
        ],
        ['SMES-003', 'Huis van de Vrede', 'Maison de la Paix', 'Geestelijke gezondheidszorg', 1000],
      ],
    });
    const { context, page } = await newPage(browser);
    await openImports(page);
    await page.getByLabel('Que contient le fichier ?').selectOption('organisations');
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({
      name: 'leden-smes.xlsx',
      mimeType: XLSX_TYPE,
      buffer: Buffer.from(xlsx),
    });
    const importButton = page.getByRole('button', { name: 'Importer', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Aperçu' }).click();

    await see(page.getByRole('heading', { name: "Aperçu de l'import" }));
    await see(page.getByText('Aperçu prêt : aucune erreur.', { exact: false }));
    expect(await page.getByTestId('import-file').textContent()).toContain('XLSX');
    expect(await rows(page, 'import-columns')).toEqual([
      ['Referentie', 'Référence'],
      ['Naam', 'Nom néerlandais'],
      ['Nom', 'Nom'],
      ['Sector', 'Secteurs'],
      ['Postcode', 'Code postal'],
    ]);
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    const counts = await page.getByTestId('import-counts').locator('dd').allTextContents();
    expect(counts[0]).toBe('3'); // rows
    expect(counts[4]).toBe('0'); // rejected
    expect((await rows(page, 'import-preview')).map((r) => r[2])).toEqual(
      expect.arrayContaining(["L'Îlot", 'Maison médicale Le Pont', 'Maison de la Paix']),
    );
    await screenshot(page, '40-imports-preview');

    expect(await importButton.isEnabled()).toBe(true);
    await importButton.click();
    await see(page.getByRole('heading', { name: 'Import effectué' }));
    await see(page.getByText(/^Import terminé/));
    const history = page.getByTestId('import-runs').getByRole('row').filter({ hasText: 'leden-smes.xlsx' });
    await see(history.getByText('Importé'));
    expect(await history.textContent()).toContain(inject('adminEmail'));
    await screenshot(page, '41-imports-applied');

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Répertoire' })
      .click();
    await page.getByLabel('Rechercher', { exact: true }).fill('ilot');
    await page.waitForURL((url) => url.searchParams.get('q') === 'ilot');
    const table = page.getByTestId('organisations-table');
    // The search is debounced into the URL and the list follows: wait until it shows the result.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="organisations-table"] tbody th a').length === 1 &&
        !document.querySelector('[aria-busy="true"]'),
    );
    expect(await table.locator('tbody th a').allTextContents()).toEqual(["L'Îlot"]);
    await see(table.getByRole('row').filter({ hasText: "L'Îlot" }).getByText('Aide aux sans-abri'));
    await context.close();
  });

  it('lists an unknown sector with its row and value, and keeps Import disabled', async () => {
    const csv = 'Nom;Secteurs;Code postal\r\nLe Phare;Santé mentale;1000\r\nLa Boussole;Astrologie;1050\r\n';
    const { context, page } = await newPage(browser);
    await openImports(page);
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({
      name: 'partenaires.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await see(page.getByRole('heading', { name: 'Import impossible : le fichier contient des erreurs' }));
    expect(await rows(page, 'import-errors')).toEqual([
      [
        '3',
        'Secteurs',
        'Valeur inconnue : elle ne figure ni dans les listes de référence ni dans le répertoire.',
        'Astrologie',
      ],
    ]);
    const file = await page.getByTestId('import-file').textContent();
    expect(file).toContain('CSV');
    expect(file).toContain(';');
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, '42-imports-errors');

    // This partner's sectors are their own: a saved mapping ignores that column from now on.
    await page.getByRole('button', { name: 'Modifier la correspondance des colonnes' }).click();
    const editor = page.getByRole('form', { name: 'Enregistrer cette correspondance sous…' });
    await editor.getByLabel('Secteurs', { exact: true }).selectOption({ label: '— Ignorer cette colonne —' });
    await editor.getByLabel('Nom de la correspondance').fill('Partenaire Boussole');
    await screenshot(page, '43-imports-mapping');
    await editor.getByRole('button', { name: "Enregistrer et refaire l'aperçu" }).click();
    await see(page.getByRole('heading', { name: "Aperçu de l'import" }));
    expect(await page.getByLabel('Correspondance des colonnes enregistrée').inputValue()).toBe(
      'Partenaire Boussole',
    );
    expect(await rows(page, 'import-columns')).toEqual([
      ['Nom', 'Nom'],
      ['Secteurs', 'Non reconnue : ignorée'],
      ['Code postal', 'Code postal'],
    ]);
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isEnabled()).toBe(true);
    await context.close();
  });

  it('names the organisations a new row may already be, and the postal code another commune has, without refusing', async () => {
    await createOrganisation({ nameFr: "Le Marronnier — Maison d'accueil Saint-Roch" });
    const csv = [
      'Nom;Code postal;Commune',
      "Marronnier maison d'accueil;1060;Saint-Gilles",
      "Service d'écoute Elsene;1090;Ixelles",
    ].join('\n');
    const { context, page } = await newPage(browser);
    await openImports(page);
    await page.getByLabel('Que contient le fichier ?').selectOption('organisations');
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({
      name: 'partenaires.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await see(page.getByText('Aperçu prêt : aucune erreur.', { exact: false }));
    const preview = page.getByTestId('import-preview');
    await see(preview.getByRole('columnheader', { name: 'Peut-être déjà dans le répertoire' }));
    expect(await rows(page, 'import-preview')).toEqual([
      ['2', 'Création', "Marronnier maison d'accueil", "Le Marronnier — Maison d'accueil Saint-Roch"],
      ['3', 'Création', "Service d'écoute Elsene", '—'],
    ]);
    await see(page.getByRole('heading', { name: '1 point à vérifier' }));
    expect(await rows(page, 'import-warnings')).toEqual([
      ['3', 'Code postal', "Ce code postal n'est pas celui de la commune indiquée", '1090'],
    ]);
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isEnabled()).toBe(true);
    await screenshot(page, '42-imports-candidates');
    await context.close();
  });

  it('says which cell holds a formula when a whole file is refused', async () => {
    const xlsx = buildXlsx({
      name: 'Feuil1',
      rows: [
        ['Nom', 'Code postal'],
        ['Le Phare', { formula: 'CONCAT("10","00")', cached: '1000' }],
      ],
    });
    const { context, page } = await newPage(browser);
    await openImports(page);
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({
      name: 'formules.xlsx',
      mimeType: XLSX_TYPE,
      buffer: Buffer.from(xlsx),
    });
    await page.getByRole('button', { name: 'Aperçu' }).click();
    const refused = page.getByTestId('file-error');
    await see(refused.getByText('La cellule B2 contient une formule', { exact: false }));
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
    await context.close();
  });
});
