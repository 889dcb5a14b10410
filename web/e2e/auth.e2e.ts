import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminDisplayName } from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

describe('signing in and out', () => {
  let browser: Browser;
  let adminName: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    adminName = await adminDisplayName();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the administrator the home page with their name', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/login');
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    await screenshot(page, '01-login');

    await signIn(page, inject('adminEmail'), inject('adminPassword'));

    await see(page.getByRole('heading', { name: `Bonjour, ${adminName}` }));
    expect(await page.getByTestId('current-user').textContent()).toBe(adminName);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await see(nav.getByRole('link', { name: 'Utilisateurs' }));
    await see(nav.getByRole('link', { name: "Journal d'audit" }));
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await screenshot(page, '02-home-admin');
    await context.close();
  });

  it('shows the translated message for a wrong password', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), 'not-the-right-password');

    const alert = await see(page.getByRole('alert'));
    expect(await alert.textContent()).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, '03-login-error');
    await context.close();
  });

  it('signs out to the sign-in page, and a reload does not bring the session back', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: `Bonjour, ${adminName}` }));

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.reload();
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    await page.goto('/');
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await context.close();
  });
});
