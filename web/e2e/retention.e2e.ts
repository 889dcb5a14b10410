import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createCycle,
  createGroup,
  createOrganisation,
  createPerson,
  createPoleUser,
  createRegistration,
  runIntervisionRetention,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

describe('retention runs', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A cycle that ended in a past year, one participant: the pass on demand removes them.
    // Fictional organisation and person, unique to this file (the e2e files share one database).
    const org = await createOrganisation({ nameFr: 'Atelier Sureau' });
    const person = await createPerson({
      firstName: 'Maxime',
      lastName: 'Sureau',
      email: uniqueEmail('sureau'),
      affiliations: [{ organisationId: org.id }],
    });
    const cycle = await createCycle({
      name: '2021-2022 Sureau',
      startsOn: '2021-09-01',
      endsOn: '2022-06-30',
    });
    const group = await createGroup({
      cycleId: cycle.id,
      name: 'Groupe Sureau',
      kind: 'intersectoral',
      language: 'fr',
      weekday: 3,
      startTime: '14:00',
      endTime: '17:00',
      capacity: 10,
      facilitatorIds: [],
    });
    await createRegistration({
      groupId: group.id,
      personId: person.id,
      organisationId: org.id,
      registeredOn: '2021-09-10',
    });
    const run = await runIntervisionRetention();
    expect(run.removed).toBeGreaterThanOrEqual(1);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the administrator each policy run from the admin menu, in French and in Dutch', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Conservation des données' }).click();
    await see(page.getByRole('heading', { name: 'Conservation des données', level: 1 }));

    // The newest run first: the pass on demand above, what it removed, and that it went through.
    const table = page.getByTestId('retention-runs-table');
    const newest = table.locator('tbody tr').first();
    await see(newest);
    const cells = await newest.locator('th, td').allTextContents();
    expect(cells[0]).toBe('Intervision : participant·es des cycles terminés');
    expect(cells[1]).toMatch(/^\d{2}\/\d{2}\/\d{4}/);
    expect(cells[2]).toBe('Lancé à la main');
    expect(cells[3]).toMatch(/^\d+ inscriptions? (a perdu son ou sa|ont perdu leur) participant·e$/);
    expect(cells[4]).toBe('Terminé');
    await screenshot(page, '49-retention-runs');

    // The same list in Dutch.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await see(page.getByRole('heading', { name: 'Bewaring van gegevens', level: 1 }));
    const dutch = await newest.locator('th, td').allTextContents();
    expect(dutch[0]).toBe('Intervisie: deelnemers van afgelopen cycli');
    expect(dutch[2]).toBe('Met de hand gestart');
    expect(dutch[3]).toMatch(/^bij \d+ inschrijving(en)? is de deelnemer verwijderd$/);
    expect(dutch[4]).toBe('Klaar');
    await page.getByRole('button', { name: 'Français' }).click();
    await see(page.getByRole('heading', { name: 'Conservation des données', level: 1 }));
    await context.close();
  });

  it('is not offered to a coordinator, who gets the 403 page on its address', async () => {
    const { context, page } = await newPage(browser);
    const coordinator = await createPoleUser('coordinator', 'connect', 'Noor Sureau');
    await signIn(page, coordinator.email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: 'Bonjour, Noor Sureau' }));
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Conservation des données' }).count()).toBe(0);
    await page.goto('/admin/retention');
    await see(page.getByRole('heading', { name: 'Accès refusé' }));
    expect(await page.getByTestId('retention-runs-table').count()).toBe(0);
    await context.close();
  });
});
