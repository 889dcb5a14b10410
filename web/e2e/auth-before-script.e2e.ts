import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminDisplayName } from './support/api';
import { launchBrowser, newPage, newPhonePage, screenshot, see, signIn } from './support/browser';

/**
 * /login arrives with the form already in the HTML (features/auth/prerender): a slow phone shows
 * it before the app's script, and the app takes it over without losing what was typed.
 */

/** Holds back every script of the page until `release` (a phone still downloading them). */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/*.js', async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The app has taken the page over: the copy from the HTML is gone, the form can send. */
async function takenOver(page: Page, submit: string) {
  await page.locator('#sign-in-prerendered').waitFor({ state: 'detached' });
  await see(page.getByRole('button', { name: submit, disabled: false }));
}

describe('the sign-in form before the script arrives', () => {
  let browser: Browser;
  let adminName: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    adminName = await adminDisplayName();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('can be typed into at once, and keeps what was typed, and where, when the app takes over', async () => {
    const { context, page } = await newPhonePage(browser);
    const release = await holdScripts(page);
    const email = inject('adminEmail');
    const [name, domain] = email.split('@') as [string, string];

    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });

    await page.goto('/login', { waitUntil: 'commit' });
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    // Styled already: the stylesheet comes in the page, allowed by the security policy.
    const submit = page.getByRole('button', { name: 'Se connecter' });
    expect(await submit.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
      'rgb(31, 78, 121)',
    );
    // Sending waits for the app (no password in a URL, no page the API does not know).
    expect(await page.getByRole('button', { name: 'Se connecter' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Nederlands' }).isDisabled()).toBe(true);
    // Even a script forcing the form out before the app (a password manager) never puts it in a URL.
    expect(await page.locator('form').evaluate((form: HTMLFormElement) => form.method)).toBe('post');
    await page.getByLabel('Mot de passe').fill(inject('adminPassword'));
    await page.getByLabel('Adresse e-mail').fill(`${name}@`);
    await screenshot(page, 'before-script-01-typed');
    expect(await page.locator('#sign-in-prerendered').count()).toBe(1);

    release();
    await takenOver(page, 'Se connecter');
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(`${name}@`);
    expect(await page.getByLabel('Mot de passe').inputValue()).toBe(inject('adminPassword'));
    // Still in the e-mail field, the caret after what was typed: the person just goes on.
    await page.keyboard.type(domain);
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(email);
    // One page, one heading, one form: the copy is gone, not hidden behind.
    expect(await page.getByRole('heading', { name: 'Se connecter' }).count()).toBe(1);
    expect(await page.locator('form').count()).toBe(1);
    await page.keyboard.press('Enter');

    await see(page.getByRole('heading', { name: `Bonjour, ${adminName}` }));
    expect(refused).toEqual([]);
    await context.close();
  });

  it('keeps the caret where it was in the password field', async () => {
    const { context, page } = await newPhonePage(browser);
    const release = await holdScripts(page);
    const password = inject('adminPassword');

    await page.goto('/login', { waitUntil: 'commit' });
    await page.getByLabel('Adresse e-mail').fill(inject('adminEmail'));
    await page.getByLabel('Mot de passe').fill(password.slice(1));
    await page.getByLabel('Mot de passe').press('Home');

    release();
    await takenOver(page, 'Se connecter');
    await page.keyboard.type(password.slice(0, 1));
    expect(await page.getByLabel('Mot de passe').inputValue()).toBe(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await see(page.getByRole('heading', { name: `Bonjour, ${adminName}` }));
    await context.close();
  });

  it('comes in Dutch for a Dutch browser, then in the language chosen on the device', async () => {
    const { context, page } = await newPage(browser, { locale: 'nl-BE' });
    const release = await holdScripts(page);
    const first = await page.goto('/login', { waitUntil: 'commit' });
    await see(page.getByRole('heading', { name: 'Aanmelden' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.title()).toBe('Aanmelden · Smes');
    expect(await first?.text()).toContain('E-mailadres');
    release();
    await takenOver(page, 'Aanmelden');

    await page.getByRole('button', { name: 'Français' }).click();
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    // The server hears of the choice: the next page arrives in French, before any script.
    const again = await page.reload({ waitUntil: 'commit' });
    expect(await again?.text()).toContain('Adresse e-mail');
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await context.close();
  });

  it('never shows a signed-in person a sign-in form: /login goes home, other pages come without it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: `Bonjour, ${adminName}` }));

    await page.goto('/login');
    await see(page.getByRole('heading', { name: `Bonjour, ${adminName}` }));
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('#sign-in-prerendered').count()).toBe(0);
    expect(await page.getByLabel('Mot de passe').count()).toBe(0);

    const reloaded = await page.goto('/directory/organisations', { waitUntil: 'commit' });
    expect(await reloaded?.text()).not.toContain('sign-in-prerendered');
    await see(page.getByTestId('current-user'));
    await context.close();
  });
});
