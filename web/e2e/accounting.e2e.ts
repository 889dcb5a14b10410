import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoleUser, createUser, uniqueEmail, USER_PASSWORD } from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';
import { translator } from './support/locale';

/** Administration › Codes analytiques: the accountant books each source of money lines on a code. */
describe('analytic codes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the accountant set the dues’ code in French, and read it again in Dutch', async () => {
    const email = uniqueEmail('comptable.codes');
    await createUser({
      email,
      displayName: 'Margaux Delvaux',
      role: 'accountant',
      poles: [],
      password: USER_PASSWORD,
    });
    const fr = translator('fr');
    const nl = translator('nl');
    const { context, page } = await newPage(browser);
    await signIn(page, email, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: fr('common:nav.label') });
    await nav.getByRole('link', { name: fr('common:nav.analyticCodes') }).click();
    await see(page.getByRole('heading', { name: fr('accounting:title'), level: 1 }));
    const dues = 'Cotisations des membres';
    await see(page.getByRole('heading', { name: dues, level: 2 }));
    await see(page.getByRole('heading', { name: "Participations aux groupes d'intervision", level: 2 }));
    const form = page.getByRole('form', { name: fr('accounting:formFor', { name: dues }) });
    const field = form.getByLabel(fr('accounting:codeFor', { name: dues }));
    // A code an accounting package would not take is refused next to the field.
    await field.fill('<7010>');
    await form.getByRole('button', { name: fr('accounting:save') }).click();
    await see(form.locator('.field--invalid'));
    await field.fill('7010-COTIS');
    await form.getByRole('button', { name: fr('accounting:save') }).click();
    await see(page.getByText(fr('accounting:saved', { name: dues, code: '7010-COTIS' })));
    await screenshot(page, '60-analytic-codes');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await see(page.getByRole('heading', { name: nl('accounting:title'), level: 1 }));
    const lidgeld = 'Lidgeld van de leden';
    expect(await page.getByLabel(nl('accounting:codeFor', { name: lidgeld })).inputValue()).toBe(
      '7010-COTIS',
    );
    await context.close();
  });

  it('is not in the menu of a coordinator, who gets the 403 page', async () => {
    const coordinator = await createPoleUser('coordinator', 'connect', 'Basile Connect');
    const { context, page } = await newPage(browser);
    await signIn(page, coordinator.email, USER_PASSWORD);
    const fr = translator('fr');
    const nav = page.getByRole('navigation', { name: fr('common:nav.label') });
    await see(nav);
    expect(await nav.getByRole('link', { name: fr('common:nav.analyticCodes') }).count()).toBe(0);
    await page.goto('/admin/analytic-codes');
    await see(page.getByRole('heading', { name: 'Accès refusé' }));
    await context.close();
  });
});
