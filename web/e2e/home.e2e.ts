import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createCycle,
  createGroup,
  createOrganisation,
  createPerson,
  createPoleUser,
  createRegistration,
  createSession,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { launchBrowser, screenshot, see, signIn } from './support/browser';

// Fictional names, unique to this file (the e2e files share one database).
const CYCLE = 'Cycle accueil Peuplier';
const GROUP = 'Groupe du jeudi Peuplier';
const HOST = 'Maison Peuplier';
const PARTICIPANT = 'Émilie Vanderstraeten';

/** A calendar day `n` days after today in Brussels, `yyyy-mm-dd`. */
const brusselsDay = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
    new Date(Date.now() + n * 86_400_000),
  );
/** The same day as the SPA shows it in Belgium. */
const belgian = (day: string) => day.split('-').reverse().join('/');

describe('home page', () => {
  let browser: Browser;
  let coordinator: { email: string; name: string };
  let cycleId: string;
  const next = brusselsDay(1);

  beforeAll(async () => {
    browser = await launchBrowser();
    const host = await createOrganisation({ nameFr: HOST });
    const person = await createPerson({
      firstName: 'Émilie',
      lastName: 'Vanderstraeten',
      email: uniqueEmail('vanderstraeten'),
      affiliations: [{ organisationId: host.id }],
    });
    const cycle = await createCycle({ name: CYCLE, startsOn: brusselsDay(-30), endsOn: brusselsDay(200) });
    cycleId = cycle.id;
    const group = await createGroup({
      cycleId,
      name: GROUP,
      kind: 'intersectoral',
      language: 'fr',
      weekday: 4,
      startTime: '14:00',
      endTime: '17:00',
      facilitatorIds: [],
    });
    // Registered and not paid: a fee to collect.
    await createRegistration({
      groupId: group.id,
      personId: person.id,
      organisationId: host.id,
      registeredOn: brusselsDay(-10),
    });
    await createSession({ groupId: group.id, startsOn: next, hostOrganisationId: host.id });
    coordinator = await createPoleUser('coordinator', 'connect', 'Chloé Connect');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a Connect coordinator on a phone her next session and an unpaid fee, each leading to its page', async () => {
    const context = await browser.newContext({
      baseURL: inject('baseUrl'),
      locale: 'fr-BE',
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await signIn(page, coordinator.email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: 'Bonjour, Chloé Connect' }));
    await see(page.getByText('Votre rôle : Coordinateur·rice — pôles : Connect'));
    // Nothing promises modules "soon": intervision is there.
    expect(await page.locator('main').textContent()).not.toContain('bientôt');

    const connect = page.getByTestId('home-connect');
    await see(connect.getByRole('heading', { name: 'Prochaines séances' }));
    const session = connect.getByRole('link', { name: `${belgian(next)} — ${GROUP}` });
    await see(session);
    await see(connect.getByRole('listitem').filter({ hasText: GROUP }).getByText(`Accueil : ${HOST}`));
    const fee = connect.getByRole('link', { name: `1 participation impayée — ${CYCLE}` });
    await see(fee);
    // The page fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'home-coordinator-phone');

    await fee.click();
    await page.waitForURL(`**/intervision/cycles/${cycleId}/unpaid`);
    await see(page.getByTestId('unpaid-table').getByText(PARTICIPANT));

    await page.goBack();
    await session.click();
    await see(page.getByRole('heading', { name: GROUP }));
    await context.close();
  }, 120_000);
});
