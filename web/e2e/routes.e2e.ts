import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { RouteObject } from 'react-router';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { routes } from '../src/app/router';
import {
  createCycle,
  createGroup,
  createOrganisation,
  createPerson,
  createRegistration,
  createSession,
  createSupportRequest,
  createSupervision,
  addTrainingParticipant,
  createTrainingEdition,
  createTrainingModule,
  createUser,
  referenceId,
  saveReport,
  uniqueEmail,
  updateSession,
  USER_PASSWORD,
} from './support/api';
import { launchBrowser, see, signIn } from './support/browser';

/**
 * Every route of the router, on a phone (360×740, touch) and on a laptop (1366×768), in French
 * and Dutch: the page never scrolls sideways (on the phone, no element inside it either), every
 * tap target is 44×44 px on the phone, and axe-core finds no serious or critical violation.
 * A screenshot of each is kept for a person to look at.
 */

const WEB_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const SHOTS_DIR = process.env.E2E_ROUTE_SHOTS_DIR ?? join(WEB_DIR, 'e2e-artifacts', 'routes');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SIZES = {
  phone: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true },
  laptop: { viewport: { width: 1366, height: 768 }, hasTouch: false, isMobile: false },
} as const;
type Size = keyof typeof SIZES;

/** Every path the router knows, parents joined to children; `*` stands for an unknown address. */
function routePaths(list: readonly RouteObject[], base = ''): string[] {
  return list.flatMap((route) => {
    const path = route.index ? base : join(base, route.path ?? '').replace(/\/$/, '') || '/';
    const own = route.index || (route.path && !route.children) ? [path] : [];
    return [...own, ...(route.children ? routePaths(route.children, path) : [])];
  });
}

/** What the checks find on the page as it is; run in the browser. */
function inspect(phone: boolean) {
  const describeEl = (el: Element) => {
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const label = el.getAttribute('aria-label');
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}> "${label ?? text}"`;
  };
  const problems: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) {
    // Name the elements that stick out (the innermost ones), to say what to fix.
    const out = [...document.querySelectorAll('body *')].filter(
      (el) => el.getBoundingClientRect().right > doc.clientWidth + 1,
    );
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    problems.push(
      `the page scrolls sideways: ${doc.scrollWidth}px wide in ${doc.clientWidth}px, because of ` +
        innermost.slice(0, 3).map(describeEl).join(', '),
    );
  }
  if (!phone) return problems;

  for (const el of document.querySelectorAll('body *')) {
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${describeEl(el)} scrolls sideways: ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
  }

  const targets = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="tab"]';
  for (const el of document.querySelectorAll<HTMLElement>(targets)) {
    if (getComputedStyle(el).visibility === 'hidden' || el.getClientRects().length === 0) continue;
    // A checkbox's or radio's label is its target.
    const box =
      el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
        ? (el.closest('label') ?? el.labels?.[0] ?? el)
        : el;
    const rect = box.getBoundingClientRect();
    if (rect.width <= 1 && rect.height <= 1) continue; // visually hidden
    if (rect.bottom + window.scrollY <= 0) continue; // above the page: the skip link until focused
    // A link inside running text keeps the line's height.
    const parent = el.parentElement;
    if (
      el.tagName === 'A' &&
      parent &&
      [...parent.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())
    ) {
      continue;
    }
    if (rect.width < 43.5 || rect.height < 43.5) {
      problems.push(
        `${describeEl(el)} is a ${Math.round(rect.width)}×${Math.round(rect.height)} px tap target`,
      );
    }
  }
  return problems;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function axeProblems(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the app's CSP forbids inline scripts, rightly.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
    };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * A full load of each address: an in-app navigation would keep the previous page on screen
 * while the next one's code arrives, and the checks would read the wrong page.
 */
async function open(page: Page, path: string) {
  await page.goto(path);
  await settle(page);
}

/** The page has its heading and nothing is loading any more. */
async function settle(page: Page) {
  await see(page.locator('h1').first());
  await page.waitForFunction(
    () =>
      !document.querySelector('.full-page-loading, [aria-busy="true"]') && document.fonts.status === 'loaded',
  );
}

describe('every route on a phone and a laptop', () => {
  let browser: Browser;
  const admins = { fr: '', nl: '' };
  const records: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS_DIR, { recursive: true });
    for (const locale of ['fr', 'nl'] as const) {
      admins[locale] = uniqueEmail(`routes.${locale}`);
      await createUser({
        email: admins[locale],
        displayName: locale === 'fr' ? 'Capucine Lebrun' : 'Wout Verhaegen',
        role: 'admin',
        poles: [],
        password: USER_PASSWORD,
        locale,
      });
    }
    // Real records for the routes' parameters (fictional names, unique to this file).
    const sector = await referenceId('sector', 'mental_health');
    const organisation = await createOrganisation({
      nameFr: 'Maison des Glycines',
      nameNl: 'Huis van de Blauweregen',
      sectorIds: [sector],
    });
    const person = await createPerson({ firstName: 'Ornella', lastName: 'Vanderkerken' });
    const cycle = await createCycle({
      name: 'Cycle des routes',
      startsOn: '2026-09-01',
      endsOn: '2027-06-30',
    });
    const group = await createGroup({
      cycleId: cycle.id,
      name: 'Groupe du jeudi Glycines',
      kind: 'intersectoral',
      language: 'fr',
      weekday: 4,
      startTime: '09:30',
      endTime: '12:00',
      facilitatorIds: [],
    });
    await createRegistration({
      groupId: group.id,
      personId: person.id,
      organisationId: organisation.id,
      registeredOn: '2026-09-10',
    });
    const held = await createSession({
      groupId: group.id,
      startsOn: '2026-10-08',
      hostOrganisationId: organisation.id,
    });
    await updateSession(held.id, { status: 'held' });
    await createSession({ groupId: group.id, startsOn: '2027-01-14' });
    const report = await saveReport({ title: 'Rapport des routes', from: '2026-09-01', to: '2026-12-31' });
    const supportRequest = await createSupportRequest({
      id: crypto.randomUUID(),
      receivedAt: '2026-10-05T08:30:00Z',
      channel: 'phone',
      requester: { kind: 'neighbour', name: 'Voisine des Glycines', callBack: '0470 12 34 56' },
      person: { initials: 'G.L.', housing: 'own_home' },
      impasse: 'Le voisin ne sort plus et refuse d’ouvrir au service.',
    });
    const supervision = await createSupervision({
      organisationId: organisation.id,
      team: 'Équipe des Glycines',
      startsOn: '2026-09-01',
      plannedSessions: 6,
    });
    const trainingModule = await createTrainingModule({
      titleFr: 'Formation des Glycines',
      titleNl: 'Opleiding van de Blauweregen',
      themes: ['précarité'],
    });
    const edition = await createTrainingEdition({
      moduleId: trainingModule.id,
      organiser: 'smes',
      format: 'in_person',
      place: 'Salle des Glycines',
      capacity: 12,
      fee: '45',
      days: ['2026-10-12', '2026-10-19'],
    });
    await addTrainingParticipant(edition.id, { personId: person.id, organisationId: organisation.id });
    Object.assign(records, {
      requests: supportRequest.id,
      reports: report.id,
      organisations: organisation.id,
      people: person.id,
      cycles: cycle.id,
      groups: group.id,
      supervisions: supervision.id,
      editions: edition.id,
    });
  });

  afterAll(async () => {
    await browser?.close();
    process.stdout.write(`Route check screenshots: ${SHOTS_DIR}\n`);
  });

  /** `/directory/organisations/:id` → the organisation made above; an unknown parameter fails. */
  const fill = (path: string) =>
    path.replace(/\/([^/]+)\/:(\w+)/g, (_, parent: string, param: string) => {
      const id = records[parent];
      if (!id) throw new Error(`${path}: add a record for :${param} after /${parent} in routes.e2e.ts`);
      return `/${parent}/${id}`;
    });

  const paths = routePaths(routes);

  it('finds the routes in the router', () => {
    expect(paths).toContain('/login');
    expect(paths).toContain('/intervision/groups/:id');
    expect(paths.length).toBeGreaterThan(25);
  });

  it('can be installed on a home screen: Chromium reports no installability error', async () => {
    // A profile on disk: Chromium never offers to install from an incognito one.
    const profile = mkdtempSync(join(tmpdir(), 'smes-install-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
      ...SIZES.phone,
      baseURL: inject('baseUrl'),
    });
    try {
      const page = await context.newPage();
      await page.goto('/login');
      await settle(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
      const manifest = await page.request.get('/manifest.webmanifest');
      expect(await manifest.json()).toMatchObject({ name: 'Smes', theme_color: '#1f4e79' });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  for (const size of Object.keys(SIZES) as Size[]) {
    for (const locale of ['fr', 'nl'] as const) {
      it(`${size}, ${locale}`, { timeout: 300_000 }, async () => {
        const context = await browser.newContext({
          ...SIZES[size],
          baseURL: inject('baseUrl'),
          locale: locale === 'fr' ? 'fr-BE' : 'nl-BE',
        });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        const problems: string[] = [];
        const check = async (name: string) => {
          const found = [...(await page.evaluate(inspect, size === 'phone')), ...(await axeProblems(page))];
          problems.push(...found.map((problem) => `${name}: ${problem}`));
          const slug = name === '/' ? 'home' : name.replace('*', 'not-found').replace(/[^a-z0-9]+/gi, '_');
          const file = `${size}-${locale}-${slug.replace(/^_|_$/g, '')}.png`;
          await page.screenshot({ path: join(SHOTS_DIR, file), fullPage: true });
        };

        // Signed out: the sign-in page, in the browser's language.
        await page.goto('/login');
        await settle(page);
        await check('/login');
        await signIn(page, admins[locale], USER_PASSWORD, LOGIN[locale]);
        // Signed in once the home page shows (the refresh cookie is set by then).
        await page.waitForURL((url) => url.pathname === '/');
        await settle(page);

        for (const path of paths.filter((p) => p !== '/login')) {
          const address = path.endsWith('*') ? path.replace('*', 'no-such-page') : fill(path);
          await open(page, address);
          await check(path);
          if (size === 'phone' && path === '/') {
            await page.getByRole('button', { name: 'Menu' }).click();
            await check('/ (menu open)');
            await page.getByRole('button', { name: 'Menu' }).click();
          }
          if (path === '/intervision/groups/:id') {
            await page.getByRole('button', { name: ATTENDANCE[locale] }).first().click();
            await check('/intervision/groups/:id (attendance)');
          }
        }
        await context.close();
        expect(problems).toEqual([]);
      });
    }
  }
});

const LOGIN = {
  fr: { title: 'Se connecter', email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' },
  nl: { title: 'Aanmelden', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden' },
};
const ATTENDANCE = { fr: /^Présences/, nl: /^Aanwezigheden/ };
