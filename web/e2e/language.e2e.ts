import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, uniqueEmail, USER_PASSWORD } from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

describe('language', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers Dutch before sign-in, following the browser on a first visit', async () => {
    const { context, page } = await newPage(browser, { locale: 'nl-BE' });
    await page.goto('/login');
    await see(page.getByRole('heading', { name: 'Aanmelden' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');

    await page.getByRole('button', { name: 'Français' }).click();
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    await page.reload(); // remembered on this device
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    await context.close();
  });

  it('switches to Dutch and keeps it for this user, on reload and on another device', async () => {
    // An administrator of its own, so the main admin's language stays French for other tests.
    const email = uniqueEmail('taal');
    await createUser({
      email,
      displayName: 'Noor Peeters',
      role: 'admin',
      poles: [],
      password: USER_PASSWORD,
    });

    const first = await newPage(browser); // a French browser
    await signIn(first.page, email, USER_PASSWORD);
    await see(first.page.getByRole('heading', { name: 'Bonjour, Noor Peeters' }));

    const saved = first.page.waitForResponse(
      (res) => res.url().endsWith('/api/me') && res.request().method() === 'PATCH',
    );
    await first.page.getByRole('button', { name: 'Nederlands' }).click();
    const nav = first.page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await see(nav.getByRole('link', { name: 'Gebruikers' }));
    await see(first.page.getByRole('heading', { name: 'Hallo, Noor Peeters' }));
    expect(await first.page.locator('html').getAttribute('lang')).toBe('nl');
    expect((await saved).status()).toBe(200);
    await screenshot(first.page, '04-home-nl');

    await first.page.reload();
    await see(nav.getByRole('link', { name: 'Gebruikers' }));
    await see(first.page.getByRole('button', { name: 'Afmelden' }));
    await first.context.close();

    // A new device with a French browser: the sign-in page is French, the account's choice wins.
    const second = await newPage(browser);
    await signIn(second.page, email, USER_PASSWORD);
    await see(second.page.getByRole('heading', { name: 'Hallo, Noor Peeters' }));
    expect(await second.page.locator('html').getAttribute('lang')).toBe('nl');
    await second.context.close();
  });
});
