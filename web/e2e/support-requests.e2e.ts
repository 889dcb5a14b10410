import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createOrganisation,
  createPerson,
  createPoleUser,
  referenceId,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { FR_LOGIN, launchBrowser, NL_LOGIN, pick, screenshot, see, signIn } from './support/browser';
import { translator, type Language } from './support/locale';

/*
 * Taking Support requests on a phone (360×740, touch), in French and in Dutch: a CPAS worker's
 * call, then a relative's about the same person found again by their code; both on the due
 * board and in the list, by codes only. A Connect worker meets the refusal page.
 * Fictional names, unique to this file (the e2e files share one database).
 */
const CASES = [
  {
    language: 'fr' as Language,
    login: FR_LOGIN,
    worker: 'Gaëlle Support',
    cpas: 'CPAS de Ganshoren-sur-Sambre',
    caller: ['Romane', 'Delvigne-Haumont'] as const,
    relative: 'Odile Haumont-Sarrazin',
    initials: 'K.T.',
  },
  {
    language: 'nl' as Language,
    login: NL_LOGIN,
    worker: 'Wannes Support',
    cpas: 'OCMW Ganzenbeek',
    caller: ['Lotte', 'Verbruggen-Minne'] as const,
    relative: 'Jozef Minnebroek',
    initials: 'B.V.',
  },
];

/** A calendar day `n` days after today in Brussels, as the SPA shows it in Belgium. */
const belgianDay = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' })
    .format(new Date(Date.now() + n * 86_400_000))
    .split('-')
    .reverse()
    .join('/');

async function phone(browser: Browser, language: Language) {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: `${language}-BE`,
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe.each(CASES)('Support requests in $language', (c) => {
  const t = translator(c.language);
  const callerName = `${c.caller[0]} ${c.caller[1]}`;
  let browser: Browser;
  let worker: { email: string; name: string };
  let connectWorker: { email: string; name: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    const general = await referenceId('sector', 'general_social');
    const cpas = await createOrganisation(
      c.language === 'nl'
        ? { nameNl: c.cpas, sectorIds: [general] }
        : { nameFr: c.cpas, sectorIds: [general] },
    );
    await createPerson({
      firstName: c.caller[0],
      lastName: c.caller[1],
      email: uniqueEmail(c.caller[1].toLowerCase()),
      affiliations: [{ organisationId: cpas.id }],
    });
    worker = await createPoleUser('worker', 'support', c.worker, c.language);
    connectWorker = await createPoleUser('worker', 'connect', `Connect ${c.worker}`, c.language);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a CPAS worker’s call and a relative’s, and shows both on the due board', async () => {
    const { context, page } = await phone(browser, c.language);
    await signIn(page, worker.email, USER_PASSWORD, c.login);
    await see(page.getByRole('heading', { name: t('home:title', { name: c.worker }) }));
    await see(page.getByTestId('home-support').getByRole('heading', { name: t('home:supportTitle') }));

    // The menu leads to the requests.
    await page.getByRole('button', { name: t('common:nav.menu') }).click();
    const nav = page.getByRole('navigation', { name: t('common:nav.label') });
    await nav.getByRole('link', { name: t('common:nav.supportRequests') }).click();
    await see(page.getByRole('heading', { name: t('support:board.title'), level: 1 }));
    await page.getByRole('link', { name: t('support:board.new') }).click();
    await see(page.getByRole('heading', { name: t('support:new.title'), level: 1 }));
    await fitsThePhone(page);

    // 1. A CPAS worker calls: received now (prefilled), by phone, a new person concerned.
    const form = page.getByRole('form', { name: t('support:new.title') });
    expect(await form.getByLabel(t('support:new.receivedAt')).inputValue()).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d$/,
    );
    await form.getByLabel(t('support:new.channel')).selectOption({ label: t('support:channels.phone') });
    await pick(form, t('support:new.worker'), c.caller[1], callerName);
    // Her organisation is offered and chosen.
    await expect.poll(() => form.getByRole('radio', { name: c.cpas }).isChecked()).toBe(true);
    // Saving without the impasse: the field says what is missing, in the user's language.
    await form.getByRole('button', { name: t('support:new.submit') }).click();
    await see(form.getByText(t('errors:fieldErrors.required')));
    await form.getByText(t('support:new.personDetails')).click();
    await form.getByLabel(t('support:new.initials')).fill(c.initials);
    await form.getByLabel(t('support:new.ageBand')).selectOption({ label: t('support:ageBands.41_60') });
    await form.getByLabel(t('support:new.housing')).selectOption({ label: t('support:housing.street') });
    await form
      .getByLabel(t('support:new.impasse'))
      .fill('Refuse toute aide depuis trois semaines, le logement est menacé.');
    await fitsThePhone(page);
    await screenshot(page, `support-new-${c.language}`);
    await form.getByRole('button', { name: t('support:new.submit') }).click();
    // The request's own page (its follow-up) opens.
    await page.waitForURL(/\/support\/requests\/[0-9a-f-]{36}$/);
    const firstId = new URL(page.url()).pathname.split('/').pop()!;
    // It says once that the request was saved; a reload does not say it again.
    const [before, after] = t('support:new.done', { code: 'XXX' }).split('XXX') as [string, string];
    const saved = page.getByRole('status').getByText(new RegExp(`^${before}.+${after.replace('.', '\\.')}$`));
    await see(saved);
    await page.reload();
    await see(page.getByRole('heading', { level: 1 }));
    expect(await saved.count()).toBe(0);

    // On the board: due in a week, not answered yet.
    await page.goto('/support/requests');
    const week = page.getByTestId('bucket-this_week');
    const firstLink = week.locator(`a[href="/support/requests/${firstId}"]`);
    await see(firstLink);
    const [code, personCode] = (await firstLink.textContent())!.split(' — ') as [string, string];
    expect(personCode).toMatch(/^P-[A-Z0-9]{6}$/);
    await see(
      week
        .getByRole('listitem')
        .filter({ has: page.locator(`a[href="/support/requests/${firstId}"]`) })
        .getByText(
          t('support:board.due', {
            day: belgianDay(7),
            received: belgianDay(0),
            channel: t('support:channels.phone'),
          }),
        ),
    );
    // Codes only: neither the caller's name nor the initials are on the board.
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(c.caller[1]);
    expect(text).not.toContain(c.initials);

    // 2. A relative calls about the same person, found again by their code.
    await page.getByRole('link', { name: t('support:board.new') }).click();
    const second = page.getByRole('form', { name: t('support:new.title') });
    await second
      .getByLabel(t('support:new.requesterKind'), { exact: true })
      .selectOption({ label: t('support:requesterKinds.relative') });
    await second.getByLabel(t('support:new.name')).fill(c.relative);
    await second.getByLabel(t('support:new.channel')).selectOption({ label: t('support:channels.phone') });
    await second.getByRole('radio', { name: t('support:new.personKnown') }).check();
    await second.getByRole('searchbox', { name: t('support:new.personSearch') }).fill(personCode);
    await second.getByRole('button', { name: new RegExp(`^${personCode}`) }).click();
    await see(second.getByRole('group', { name: t('support:new.personSearch') }).getByText(personCode));
    await second.getByLabel(t('support:new.impasse')).fill('Sa sœur ne sait plus comment l’approcher.');
    // No way to call back: refused on that field.
    await second.getByRole('button', { name: t('support:new.submit') }).click();
    await see(second.getByText(t('errors:fieldErrors.required')));
    await second.getByLabel(t('support:new.callBack')).fill('0470 12 34 56');
    await fitsThePhone(page);
    await second.getByRole('button', { name: t('support:new.submit') }).click();
    await page.waitForURL(/\/support\/requests\/[0-9a-f-]{36}$/);
    const secondId = new URL(page.url()).pathname.split('/').pop()!;
    expect(secondId).not.toBe(firstId);

    // Both on the board and in the list (cards on the phone), each linking to its page.
    await page.goto('/support/requests');
    await see(week.locator(`a[href="/support/requests/${secondId}"]`));
    const table = page.getByTestId('support-requests-table');
    const firstRow = table
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/support/requests/${firstId}"]`) });
    await see(firstRow.getByText(code, { exact: true }));
    await see(firstRow.getByText(personCode, { exact: true }));
    await see(firstRow.getByText(belgianDay(0)));
    await see(firstRow.getByText(t('support:requesterKinds.professional')));
    const secondRow = table
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/support/requests/${secondId}"]`) });
    await see(secondRow.getByText(personCode, { exact: true }));
    await see(secondRow.getByText(t('support:requesterKinds.relative')));
    expect(await page.locator('main').innerText()).not.toContain(c.relative);
    // The filters are folded away on a phone; the status filter keeps both new requests.
    await page.getByText(t('common:filters.more')).click();
    await page
      .getByLabel(t('support:list.filters.status'))
      .selectOption({ label: t('support:statuses.closed') });
    await page.waitForURL(/status=closed/);
    await expect.poll(() => table.locator(`a[href="/support/requests/${firstId}"]`).count()).toBe(0);
    await fitsThePhone(page);
    await screenshot(page, `support-board-${c.language}`);

    // The home page lists them as due this week.
    await page.goto('/');
    const home = page.getByTestId('home-support-this_week');
    await see(home.locator(`a[href="/support/requests/${firstId}"]`));
    await see(home.locator(`a[href="/support/requests/${secondId}"]`));
    await context.close();
  }, 180_000);

  it('keeps a Connect worker out: no menu item, the refusal page on both addresses', async () => {
    const { context, page } = await phone(browser, c.language);
    await signIn(page, connectWorker.email, USER_PASSWORD, c.login);
    await see(page.getByRole('heading', { name: t('home:title', { name: connectWorker.name }) }));
    expect(await page.getByTestId('home-support').count()).toBe(0);
    await page.getByRole('button', { name: t('common:nav.menu') }).click();
    const nav = page.getByRole('navigation', { name: t('common:nav.label') });
    await see(nav.getByRole('link', { name: t('common:nav.home') }));
    expect(await nav.getByRole('link', { name: t('common:nav.supportRequests') }).count()).toBe(0);
    for (const path of ['/support/requests', '/support/requests/new']) {
      await page.goto(path);
      await see(page.getByRole('heading', { name: t('common:forbidden.title') }));
      expect(await page.getByTestId('support-board').count()).toBe(0);
    }
    await context.close();
  }, 120_000);
});
