import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createCycle,
  createGroup,
  createOrganisation,
  createPerson,
  createPoleUser,
  createRegistration,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { launchBrowser, newPage, newPhonePage, screenshot, see, signIn } from './support/browser';

/**
 * Issue 14 in the browser: breaking the glass asks for a reason and is flagged to the
 * administrators; a person's rights (export, erasure refused under a legal hold or done). Fictional organisation and people, unique to this file (one shared database).
 */
describe("reads outside one's scope and a person's rights", () => {
  let browser: Browser;
  let groupId: string;
  let personId: string;
  let freeId: string;
  const REASON = 'Remplacement de la coordinatrice Connect en congé';

  beforeAll(async () => {
    browser = await launchBrowser();
    const org = await createOrganisation({ nameFr: 'Maison Aubépine' });
    const person = await createPerson({
      firstName: 'Lore',
      lastName: 'Aubépine',
      email: uniqueEmail('aubepine'),
      affiliations: [{ organisationId: org.id }],
    });
    personId = person.id;
    // Another, held by no law: erasing them goes through.
    freeId = (
      await createPerson({
        firstName: 'Sander',
        lastName: 'Églantier',
        email: uniqueEmail('eglantier'),
        affiliations: [{ organisationId: org.id }],
      })
    ).id;
    const cycle = await createCycle({
      name: '2030-2031 Aubépine',
      startsOn: '2030-09-01',
      endsOn: '2031-06-30',
    });
    const group = await createGroup({
      cycleId: cycle.id,
      name: 'Groupe Aubépine',
      kind: 'intersectoral',
      language: 'fr',
      weekday: 2,
      startTime: '09:30',
      endTime: '12:30',
      capacity: 10,
      facilitatorIds: [],
    });
    groupId = group.id;
    await createRegistration({
      groupId: group.id,
      personId: person.id,
      organisationId: org.id,
      registeredOn: '2030-09-05',
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("asks another pole's coordinator for a reason on a phone, shows the group, and the administrator sees it flagged", async () => {
    const { context, page } = await newPhonePage(browser);
    const coordinator = await createPoleUser('coordinator', 'support', 'Wout Aubépine');
    await signIn(page, coordinator.email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: 'Bonjour, Wout Aubépine' }));
    await page.goto(`/intervision/groups/${groupId}`);

    // The read answers BREAK_GLASS_REQUIRED: the dialog asks why, and too short a reason is refused.
    const dialog = page.getByRole('dialog', { name: 'Briser la glace ?' });
    await see(dialog);
    const reason = dialog.getByLabel('Pourquoi lisez-vous cette fiche ?');
    await reason.fill('urgence');
    await dialog.getByRole('button', { name: 'Lire avec cette raison' }).click();
    await see(dialog.getByText('15 caractères au moins (7 écrits).'));
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    const confirm = dialog.getByRole('button', { name: 'Lire avec cette raison' });
    expect((await confirm.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, '60-break-glass-dialog');
    // The dialog fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await reason.fill(REASON);
    await confirm.click();

    // The group and its participant show.
    await see(page.getByRole('heading', { name: 'Groupe Aubépine', level: 1 }));
    await see(page.getByText('Lore Aubépine').first());
    expect(await dialog.isVisible()).toBe(false);
    await context.close();

    // The administrator's panel lists the read, flagged, with who, what, why and the reason.
    const admin = await newPage(browser);
    await signIn(admin.page, inject('adminEmail'), inject('adminPassword'));
    const nav = admin.page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Lectures hors équipe' }).click();
    await see(admin.page.getByRole('heading', { name: 'Lectures hors équipe', level: 1 }));
    // Two rows with that reason: the registration, and the people the group's page names.
    const flaggedRows = admin.page
      .getByTestId('flagged-reads-table')
      .getByRole('row')
      .filter({ hasText: REASON });
    const flaggedOf = async (kind: string) => {
      const one = flaggedRows.filter({ hasText: kind });
      await see(one);
      return one.locator('th, td').allTextContents();
    };
    const row = await flaggedOf("Inscription à l'intervision");
    expect(row[1]).toBe('Wout AubépineCoordinateur·rice');
    expect(row[2]).toBe("Inscription à l'intervision");
    expect((await flaggedOf('Personne'))[3]).toBe('Bris de glace');
    // The registration links to its group's page.
    const flaggedRow = flaggedRows.filter({ hasText: "Inscription à l'intervision" });
    expect(
      await flaggedRow.getByRole('link', { name: "Inscription à l'intervision" }).getAttribute('href'),
    ).toBe(`/intervision/groups/${groupId}`);
    expect(row[3]).toBe('Bris de glace');
    expect(row[4]).toBe(REASON);
    await screenshot(admin.page, '61-flagged-reads');
    // In Dutch.
    await admin.page.getByRole('button', { name: 'Nederlands' }).click();
    await see(admin.page.getByRole('heading', { name: 'Lezingen buiten het team', level: 1 }));
    const dutch = await flaggedOf('Inschrijving voor intervisie');
    expect(dutch[2]).toBe('Inschrijving voor intervisie');
    expect(dutch[3]).toBe('Noodtoegang');
    await admin.page.getByRole('button', { name: 'Français' }).click();
    await see(admin.page.getByRole('heading', { name: 'Lectures hors équipe', level: 1 }));
    await admin.context.close();
  });

  it("shows the administrator who has seen a person's record, and a coordinator neither panel", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: /^Bonjour/ }));
    await page.goto(`/directory/people/${personId}`);
    await see(page.getByRole('heading', { name: 'Lore Aubépine', level: 1 }));
    const seen = page.getByRole('region', { name: 'Qui a vu cette fiche' });
    await seen.getByRole('button', { name: 'Afficher' }).click();
    // Opening this page was itself a read, for a follow-up, by the administrator.
    const first = seen.getByTestId('who-has-seen-table').locator('tbody tr').first();
    await see(first);
    const read = await first.locator('th, td').allTextContents();
    expect(read[2]).toBe('Personne');
    expect(read[3]).toBe('Suivi');
    await context.close();

    const other = await newPage(browser);
    const coordinator = await createPoleUser('coordinator', 'connect', 'Nele Aubépine');
    await signIn(other.page, coordinator.email, USER_PASSWORD);
    await see(other.page.getByRole('heading', { name: 'Bonjour, Nele Aubépine' }));
    await other.page.goto(`/directory/people/${personId}`);
    await see(other.page.getByRole('heading', { name: 'Lore Aubépine', level: 1 }));
    expect(await other.page.getByRole('region', { name: 'Qui a vu cette fiche' }).count()).toBe(0);
    await other.page.goto('/admin/access-log');
    await see(other.page.getByRole('heading', { name: 'Accès refusé' }));
    await other.context.close();
  });

  it("exports a person's data, refuses their erasure under a funder's hold, and erases another", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: /^Bonjour/ }));
    await page.goto(`/directory/people/${personId}`);
    await see(page.getByRole('heading', { name: 'Lore Aubépine', level: 1 }));
    const rights = page.getByRole('region', { name: 'Droits de la personne (RGPD)' });

    // Art. 15: a JSON file of everything held, with who has seen the record.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rights.getByRole('button', { name: 'Exporter ses données (art. 15)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`smes-person-${personId}.json`);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      personId: string;
      records: { kind: string }[];
      seenBy: { kind: string; purpose: string; flagged: boolean }[];
    };
    expect(exported.personId).toBe(personId);
    expect(exported.records.map((r) => r.kind)).toContain('intervision_registration');
    // The coordinator who broke the glass is among those who saw her registration.
    expect(exported.seenBy).toContainEqual(
      expect.objectContaining({ kind: 'intervision_registration', purpose: 'break_glass', flagged: true }),
    );

    // Art. 17 under the funder's justification period: asked first, then refused with the reason.
    await rights.getByRole('button', { name: 'Effacer la personne (art. 17)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Effacer Lore Aubépine ?' });
    await see(confirm.getByText('On ne peut pas revenir en arrière.'));
    await confirm.getByRole('button', { name: 'Effacer définitivement' }).click();
    const refusal = rights.getByRole('alert');
    await see(refusal.getByText('Effacement refusé : une obligation légale impose de garder ces données.'));
    expect(await refusal.getByRole('listitem').allTextContents()).toEqual([
      "Inscriptions à l'intervision : justification auprès d'un pouvoir subsidiant, jusqu'au 31/12/2031",
    ]);
    await see(page.getByRole('heading', { name: 'Lore Aubépine', level: 1 }));

    // Another person, under no hold: erased, and the page shows no name any more.
    await page.goto(`/directory/people/${freeId}`);
    await see(page.getByRole('heading', { name: 'Sander Églantier', level: 1 }));
    await page.getByRole('button', { name: 'Effacer la personne (art. 17)' }).click();
    await page
      .getByRole('dialog', { name: 'Effacer Sander Églantier ?' })
      .getByRole('button', { name: 'Effacer définitivement' })
      .click();
    await see(page.getByRole('heading', { name: 'Personne effacée', level: 1 }));
    await see(page.getByText("La personne a été effacée. Ses lignes restent, sans ce qui l'identifie."));
    expect(await page.locator('main').textContent()).not.toContain('Églantier');
    expect(await page.getByRole('button', { name: 'Effacer la personne (art. 17)' }).count()).toBe(0);
    await screenshot(page, '62-person-erased');
    await context.close();
  });

  it("starts each person's rights panel afresh when the page goes from one person to another", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: /^Bonjour/ }));
    await page.goto(`/directory/people/${freeId}`);
    await see(page.getByRole('heading', { name: 'Personne effacée', level: 1 }));
    // In the app, to the other person: the page stays mounted, only its parameter changes.
    await page.evaluate((url) => {
      window.history.pushState({}, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/directory/people/${personId}`);
    await see(page.getByRole('heading', { name: 'Lore Aubépine', level: 1 }));
    const rights = page.getByRole('region', { name: 'Droits de la personne (RGPD)' });
    await rights.getByRole('button', { name: 'Effacer la personne (art. 17)' }).click();
    await page
      .getByRole('dialog', { name: 'Effacer Lore Aubépine ?' })
      .getByRole('button', { name: 'Effacer définitivement' })
      .click();
    await see(rights.getByText('Effacement refusé : une obligation légale impose de garder ces données.'));
    // Back to the first person: her refusal is not shown on his page.
    await page.goBack();
    await see(page.getByRole('heading', { name: 'Personne effacée', level: 1 }));
    expect(await rights.getByRole('alert').count()).toBe(0);
    // Forward again, the question opened, then back: no question on the other person's page.
    await page.goForward();
    await see(page.getByRole('heading', { name: 'Lore Aubépine', level: 1 }));
    expect(await rights.getByRole('alert').count()).toBe(1);
    await rights.getByRole('button', { name: 'Effacer la personne (art. 17)' }).click();
    await see(page.getByRole('dialog', { name: 'Effacer Lore Aubépine ?' }));
    await page.goBack();
    await see(page.getByRole('heading', { name: 'Personne effacée', level: 1 }));
    expect(await page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });

  it('lets the coordinator decline: the page keeps its refusal', async () => {
    const { context, page } = await newPage(browser);
    const coordinator = await createPoleUser('coordinator', 'support', 'Ilse Aubépine');
    await signIn(page, coordinator.email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: 'Bonjour, Ilse Aubépine' }));
    await page.goto(`/intervision/groups/${groupId}`);
    const dialog = page.getByRole('dialog', { name: 'Briser la glace ?' });
    await see(dialog);
    await dialog.getByRole('button', { name: 'Ne pas lire' }).click();
    await see(page.getByRole('alert').filter({ hasText: 'hors de votre équipe' }));
    expect(await page.getByRole('heading', { name: 'Groupe Aubépine' }).count()).toBe(0);
    await context.close();
  });
});
