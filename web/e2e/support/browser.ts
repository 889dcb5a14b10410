import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { nextCode, secrets } from './totp';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The system Chromium: these tests never download a browser. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install chromium) ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh profile (no cookie, no localStorage), as a person on a new device. */
export async function newPage(
  browser: Browser,
  { locale = 'fr-BE' }: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale,
    viewport: { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page };
}

/** A fresh profile on a phone (360 px wide, touch), as a worker on the move. */
export async function newPhonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'fr-BE',
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

/**
 * A fresh profile on a phone (360×740, touch) in French or Dutch (Belgium), waiting up to 15 s
 * for a step (Support's pages do more per step): `close` ends it.
 */
export async function newPhone(
  browser: Browser,
  language: 'fr' | 'nl',
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: `${language}-BE`,
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage(), close: () => context.close() };
}

/** Nothing wider than the screen: no sideways scroll on a phone. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Waits until the locator is on screen; fails with the locator's description otherwise. */
export async function see(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** Picks a record in a search picker of `scope`: type, then choose the result. */
export async function pick(scope: Locator, label: string, text: string, name: string) {
  await scope.getByRole('searchbox', { name: label }).fill(text);
  await scope.getByRole('button', { name }).click();
  await see(scope.getByRole('group', { name: label }).getByText(name));
}

/** The cells of the row of table `testId` that holds `text`, once it is on screen. */
export async function cells(scope: Locator | Page, testId: string, text: string): Promise<string[]> {
  const row = scope.getByTestId(testId).getByRole('row').filter({ hasText: text });
  await see(row);
  return row.locator('th, td').allTextContents();
}

/**
 * Signs in through the page. For a user the helpers enrolled (`enrolSecondFactor`, Support and
 * Housing First pole users), the code step follows, answered with the app's next code.
 */
export interface LoginLabels {
  title: string;
  email: string;
  password: string;
  submit: string;
  /** The code step's field and button (for users with a second factor). */
  code?: string;
  verify?: string;
}

export async function signIn(page: Page, email: string, password: string, labels: LoginLabels = FR_LOGIN) {
  await page.goto('/login');
  await signInHere(page, email, password, labels);
}

/**
 * Signs in on the sign-in page the app is showing now (after the session ended: the app then
 * goes back where the user was), answering the code step as `signIn` does.
 */
export async function signInHere(
  page: Page,
  email: string,
  password: string,
  labels: LoginLabels = FR_LOGIN,
) {
  await see(page.getByRole('heading', { name: labels.title }));
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  const secret = secrets.get(email);
  if (secret) {
    const code = page.getByLabel(labels.code ?? FR_LOGIN.code);
    await see(code);
    await code.fill(await nextCode(secret));
    await page.getByRole('button', { name: labels.verify ?? FR_LOGIN.verify }).click();
  }
}

export const FR_LOGIN = {
  title: 'Se connecter',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  submit: 'Se connecter',
  code: 'Code de vérification',
  verify: 'Vérifier',
};

export const NL_LOGIN = {
  title: 'Aanmelden',
  email: 'E-mailadres',
  password: 'Wachtwoord',
  submit: 'Aanmelden',
  code: 'Verificatiecode',
  verify: 'Verifiëren',
};

/** Saves a screenshot when E2E_SCREENSHOTS_DIR is set (for a human look, not an assertion). */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
