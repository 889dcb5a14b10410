import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createPoleUser, getOrganisation, USER_PASSWORD } from './support/api';
import { FR_LOGIN, launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

const NL_LOGIN = { title: 'Aanmelden', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden' };

interface Labels {
  login?: typeof NL_LOGIN;
  editTitle: (name: string) => string;
  nameFr: string;
  phone: string;
  save: string;
  conflict: string;
  mine: string;
  theirs: string;
  keepMine: string;
  takeTheirs: string;
}

const FR: Labels = {
  editTitle: (name) => `Modifier ${name}`,
  nameFr: 'Nom en français',
  phone: 'Téléphone',
  save: 'Enregistrer',
  conflict: "Modifié par quelqu'un d'autre entre-temps",
  mine: 'Votre valeur',
  theirs: 'Valeur enregistrée',
  keepMine: 'Garder ma version',
  takeTheirs: 'Reprendre la valeur enregistrée',
};

const NL: Labels = {
  login: NL_LOGIN,
  editTitle: (name) => `${name} wijzigen`,
  nameFr: 'Naam in het Frans',
  phone: 'Telefoon',
  save: 'Opslaan',
  conflict: 'Intussen door iemand anders gewijzigd',
  mine: 'Uw waarde',
  theirs: 'Opgeslagen waarde',
  keepMine: 'Mijn versie behouden',
  takeTheirs: 'Opgeslagen waarde overnemen',
};

/** Two people, each in a browser of their own, with the organisation's edit form open. */
async function twoEditors(browser: Browser, id: string, name: string, labels: Labels, lang: 'fr' | 'nl') {
  const pages: Page[] = [];
  for (const who of ['Alice Dewit', 'Bram Peeters']) {
    const user = await createPoleUser('coordinator', 'connect', `${who} ${lang}`, lang);
    const { page } = await newPage(browser, { locale: lang === 'nl' ? 'nl-BE' : 'fr-BE' });
    await signIn(page, user.email, USER_PASSWORD, labels.login ?? FR_LOGIN);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/directory/organisations/${id}/edit`);
    await see(page.getByRole('form', { name: labels.editTitle(name) }));
    pages.push(page);
  }
  return pages as [Page, Page];
}

const form = (page: Page, labels: Labels, name: string) =>
  page.getByRole('form', { name: labels.editTitle(name) });

describe.each([
  ['fr', FR],
  ['nl', NL],
] as const)('two people editing one organisation (%s)', (lang, labels) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('different fields: the second save is resent by itself and both changes land', async () => {
    const name = `Asbl Deux Mains ${lang}`;
    const org = await createOrganisation({ nameFr: name });
    const [alice, bram] = await twoEditors(browser, org.id, name, labels, lang);

    await form(alice, labels, name).getByLabel(labels.phone, { exact: true }).fill('02 511 11 11');
    await form(bram, labels, name).getByLabel(labels.nameFr, { exact: true }).fill(`${name} bis`);
    await form(alice, labels, name).getByRole('button', { name: labels.save }).click();
    await alice.waitForURL(`**/directory/organisations/${org.id}`);
    await form(bram, labels, name).getByRole('button', { name: labels.save }).click();
    await bram.waitForURL(`**/directory/organisations/${org.id}`);

    const now = await getOrganisation(org.id);
    expect({ nameFr: now.nameFr, phone: now.phone }).toEqual({
      nameFr: `${name} bis`,
      phone: '02 511 11 11',
    });
  });

  it('the same field: the second is shown both values, keeps theirs or takes the saved one', async () => {
    const name = `Asbl Même Champ ${lang}`;
    const org = await createOrganisation({ nameFr: name, phone: '02 500 00 00' });
    const [alice, bram] = await twoEditors(browser, org.id, name, labels, lang);
    // On a phone: the comparison must fit 360 px.
    await bram.setViewportSize({ width: 360, height: 740 });

    await form(alice, labels, name).getByLabel(labels.phone, { exact: true }).fill('02 522 22 22');
    await form(bram, labels, name).getByLabel(labels.phone, { exact: true }).fill('02 533 33 33');
    await form(bram, labels, name).getByLabel(labels.nameFr, { exact: true }).fill(`${name} renommée`);
    await form(alice, labels, name).getByRole('button', { name: labels.save }).click();
    await alice.waitForURL(`**/directory/organisations/${org.id}`);
    await form(bram, labels, name).getByRole('button', { name: labels.save }).click();

    const conflict = await see(bram.getByRole('alert').filter({ hasText: labels.conflict }));
    await see(conflict.getByText(labels.phone, { exact: true }));
    // Both values, each said as whose it is.
    expect(await conflict.locator('dd').allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^${labels.mine}\\s*:?\\s*02 533 33 33$`)),
      expect.stringMatching(new RegExp(`^${labels.theirs}\\s*:?\\s*02 522 22 22$`)),
    ]);
    // Only the phone is in conflict: the name changed on one side only.
    expect(await conflict.getByText(labels.nameFr, { exact: true }).count()).toBe(0);
    const scrollWidth = await bram.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await screenshot(bram, `80-edit-conflict-${lang}`);
    // Nothing of Bram's edit landed yet.
    expect((await getOrganisation(org.id)).phone).toBe('02 522 22 22');

    if (lang === 'fr') {
      await conflict.getByRole('button', { name: labels.keepMine }).click();
      await bram.waitForURL(`**/directory/organisations/${org.id}`);
      const now = await getOrganisation(org.id);
      expect({ nameFr: now.nameFr, phone: now.phone }).toEqual({
        nameFr: `${name} renommée`,
        phone: '02 533 33 33',
      });
    } else {
      await conflict.getByRole('button', { name: labels.takeTheirs }).click();
      await bram.waitForURL(`**/directory/organisations/${org.id}`);
      const now = await getOrganisation(org.id);
      // The saved phone stays; Bram's other change (the name) still lands.
      expect({ nameFr: now.nameFr, phone: now.phone }).toEqual({
        nameFr: `${name} renommée`,
        phone: '02 522 22 22',
      });
    }
  });
});
