import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addTrainingParticipant,
  createOrganisation,
  createPerson,
  createPoleUser,
  createTrainingEdition,
  createTrainingModule,
  endSessions,
  getTrainingEdition,
  payTrainingParticipant,
  referenceId,
  setTrainingAttendance,
  updateTrainingModule,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import {
  FR_LOGIN,
  launchBrowser,
  NL_LOGIN,
  pick,
  screenshot,
  see,
  signIn,
  signInHere,
} from './support/browser';
import { translator, type Language } from './support/locale';

/*
 * Support's trainings on a phone (360×740, touch), in French: a module, an edition of two days,
 * two participants from the directory, the first day's attendance ("all present", then one
 * unticked) and the counts; the same page read in Dutch. A colleague's payment or attendance saved
 * meanwhile is shown next to the user's, never overwritten. A Connect worker meets the refusal page.
 * Fictional names, unique to this file (the e2e files share one database).
 */
const ORGANISATION = 'Maison Pivoine de Neerpede';
const PEOPLE = [
  ['Ysaline', 'Borremans-Trigaux'],
  ['Corentin', 'Vanhamme-Lisse'],
] as const;
const MODULE = {
  fr: 'Précarité et souffrance psychique (Pivoine)',
  nl: 'Bestaansonzekerheid en psychisch lijden (Pivoine)',
};
const SEEDED_MODULE = {
  fr: 'Accueil et orientation (Neerpede)',
  nl: 'Onthaal en doorverwijzing (Neerpede)',
};
const CORRECTED_TITLE = 'Accueil, écoute et orientation (Neerpede)';
const DAYS = ['2026-11-16', '2026-11-23'];
/** 2026-11-16 → 16/11/2026, as both languages write a day in Belgium. */
const belgian = (day: string) => day.split('-').reverse().join('/');

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

describe('Support trainings', () => {
  const t = translator('fr');
  const nl = translator('nl');
  let browser: Browser;
  let worker: { email: string; name: string };
  let dutchWorker: { email: string; name: string };
  let connectWorker: { email: string; name: string };
  /** An edition of its own with a named participant, for the Connect worker's refusal. */
  let seededEditionPath = '';
  /** A module whose French title is corrected from the list. */
  let seededModuleId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const sector = await referenceId('sector', 'homeless');
    const organisation = await createOrganisation({ nameFr: ORGANISATION, sectorIds: [sector] });
    const people = [];
    for (const [firstName, lastName] of PEOPLE) {
      const person = await createPerson({
        firstName,
        lastName,
        email: uniqueEmail(lastName.toLowerCase()),
        affiliations: [{ organisationId: organisation.id }],
      });
      people.push(person);
    }
    const module = await createTrainingModule({ titleFr: SEEDED_MODULE.fr, titleNl: SEEDED_MODULE.nl });
    seededModuleId = module.id;
    const seeded = await createTrainingEdition({
      moduleId: module.id,
      organiser: 'smes',
      format: 'in_person',
      days: ['2026-12-07'],
    });
    await addTrainingParticipant(seeded.id, { personId: people[0]!.id, organisationId: organisation.id });
    seededEditionPath = `/support/trainings/editions/${seeded.id}`;
    worker = await createPoleUser('worker', 'support', 'Faustine Formation', 'fr');
    dutchWorker = await createPoleUser('worker', 'support', 'Jorien Opleiding', 'nl');
    connectWorker = await createPoleUser('worker', 'connect', 'Connect Formation', 'fr');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'creates a module and an edition, adds two participants and marks who came on the first day',
    { timeout: 120_000 },
    async () => {
      const { context, page } = await phone(browser, 'fr');
      await signIn(page, worker.email, USER_PASSWORD, FR_LOGIN);
      await see(page.getByRole('heading', { name: t('home:title', { name: worker.name }) }));
      await page.getByRole('button', { name: t('common:nav.menu') }).click();
      const nav = page.getByRole('navigation', { name: t('common:nav.label') });
      await nav.getByRole('link', { name: t('common:nav.trainings') }).click();
      await see(page.getByRole('heading', { name: t('trainings:title'), level: 1 }));

      // A module: a title in each language (both required), themes.
      await page.getByRole('button', { name: t('trainings:moduleForm.open') }).click();
      const moduleForm = page.getByRole('form', { name: t('trainings:moduleForm.title') });
      await moduleForm.getByLabel(t('trainings:moduleForm.titleFr')).fill(MODULE.fr);
      // The edition's form opens beside it: the module's form stays, with what was typed.
      await page.getByRole('button', { name: t('trainings:editionForm.open') }).click();
      const editionForm = page.getByRole('form', { name: t('trainings:editionForm.title') });
      await see(editionForm);
      expect(await moduleForm.getByLabel(t('trainings:moduleForm.titleFr')).inputValue()).toBe(MODULE.fr);
      await moduleForm.getByRole('button', { name: t('trainings:moduleForm.submit') }).click();
      await see(moduleForm.getByText(t('errors:fieldErrors.required')));
      await moduleForm.getByLabel(t('trainings:moduleForm.titleNl')).fill(MODULE.nl);
      await moduleForm.getByLabel(t('trainings:moduleForm.themes')).fill('précarité, santé mentale');
      await fitsThePhone(page);
      await moduleForm.getByRole('button', { name: t('trainings:moduleForm.submit') }).click();
      await see(page.getByRole('status').getByText(t('trainings:moduleForm.saved', { title: MODULE.fr })));
      await see(page.getByTestId('modules-table').getByText(MODULE.fr));

      // A module's French title corrected from the list; a colleague corrected it meanwhile:
      // both titles are shown, the user keeps theirs, and the list says it.
      const modules = page.getByTestId('modules-table');
      await page
        .getByRole('button', { name: t('trainings:modules.editFor', { title: SEEDED_MODULE.fr }) })
        .click();
      const moduleEdit = page.getByRole('form', {
        name: t('trainings:moduleForm.editTitle', { title: SEEDED_MODULE.fr }),
      });
      // It names the module and takes the focus (on a phone it opens above the card tapped).
      await see(
        page.getByRole('heading', { name: t('trainings:moduleForm.editTitle', { title: SEEDED_MODULE.fr }) }),
      );
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('module-edit-title');
      expect(await moduleEdit.getByLabel(t('trainings:moduleForm.titleNl')).inputValue()).toBe(
        SEEDED_MODULE.nl,
      );
      await moduleEdit.getByLabel(t('trainings:moduleForm.titleFr')).fill(CORRECTED_TITLE);
      await updateTrainingModule(seededModuleId, { titleFr: 'Accueil (Neerpede)' });
      await moduleEdit.getByRole('button', { name: t('trainings:moduleForm.save') }).click();
      const moduleConflict = page.getByRole('alert').filter({ hasText: t('common:conflict.title') });
      await see(moduleConflict);
      const titles = await moduleConflict.locator('.conflict__field dd').allTextContents();
      expect(titles[0]).toContain(`${t('common:conflict.mine')} ${CORRECTED_TITLE}`);
      expect(titles[1]).toContain(`${t('common:conflict.theirs')} Accueil (Neerpede)`);
      await fitsThePhone(page);
      await moduleConflict.getByRole('button', { name: t('common:conflict.keepMine') }).click();
      await see(
        page.getByRole('status').getByText(t('trainings:moduleForm.edited', { title: CORRECTED_TITLE })),
      );
      await see(modules.getByRole('row').filter({ hasText: SEEDED_MODULE.nl }).getByText(CORRECTED_TITLE));
      expect(await moduleEdit.count()).toBe(0);

      // An edition of that module: by Smes, in a room, two days, 12 places, 45 € each.
      // (its form already open, from above)
      await editionForm.getByLabel(t('trainings:editionForm.module')).selectOption({ label: MODULE.fr });
      await editionForm.getByLabel(t('trainings:editionForm.place')).fill('Salle des Pivoines, Anderlecht');
      await editionForm.getByLabel(t('trainings:days.day', { n: 1 }), { exact: true }).fill(DAYS[0]!);
      await editionForm.getByRole('button', { name: t('trainings:days.add') }).click();
      await editionForm.getByLabel(t('trainings:days.day', { n: 2 }), { exact: true }).fill(DAYS[1]!);
      await editionForm.getByLabel(t('trainings:editionForm.capacity')).fill('12');
      await editionForm.getByLabel(t('trainings:editionForm.fee')).fill('45');
      await fitsThePhone(page);
      await screenshot(page, 'support-trainings-edition-form');
      await editionForm.getByRole('button', { name: t('trainings:editionForm.submit') }).click();
      await page.waitForURL(/\/support\/trainings\/editions\/[0-9a-f-]{36}$/);
      const editionPath = new URL(page.url()).pathname;
      const editionId = editionPath.split('/').pop()!;
      await see(page.getByRole('heading', { name: MODULE.fr, level: 1 }));
      const capacity = page.getByTestId('edition-capacity');
      await see(capacity.getByText(t('trainings:edition.places', { n: 0, capacity: 12, left: 12 })));

      // Two participants from the directory, their organisation offered and chosen.
      for (const [firstName, lastName] of PEOPLE) {
        const name = `${firstName} ${lastName}`;
        await page.getByRole('button', { name: t('trainings:participants.add.open') }).click();
        const form = page.getByRole('form', { name: t('trainings:participants.add.title') });
        await pick(form, t('trainings:participants.add.person'), lastName, name);
        await expect.poll(() => form.getByRole('radio', { name: ORGANISATION }).isChecked()).toBe(true);
        await form.getByRole('button', { name: t('trainings:participants.add.submit') }).click();
        await see(page.getByRole('status').getByText(t('trainings:participants.added', { name })));
      }
      await see(capacity.getByText(t('trainings:edition.places', { n: 2, capacity: 12, left: 10 })));
      const participants = page.getByTestId('participants-table');
      await see(participants.getByRole('row').filter({ hasText: PEOPLE[1][1] }).getByText(ORGANISATION));
      // The fee as French writes it.
      await see(
        participants
          .getByRole('row')
          .filter({ hasText: PEOPLE[0][1] })
          .getByText(/^45,00\s€$/),
      );

      // A payment: a colleague records another one meanwhile; both are shown, the user keeps theirs.
      const payer = PEOPLE[0].join(' ');
      await page.getByRole('button', { name: t('common:payment.recordFor', { name: payer }) }).click();
      const payment = page.getByRole('form', { name: t('common:payment.recordFor', { name: payer }) });
      await payment.getByLabel(t('common:payment.paidOnFor', { name: payer })).fill(DAYS[0]!);
      const listed = await getTrainingEdition(editionId);
      const payerId = listed.participantList.find((p) => p.person.lastName === PEOPLE[0][1])!.id;
      await payTrainingParticipant(payerId, { paidOn: '2026-11-20', method: 'cash' });
      await payment.getByRole('button', { name: t('common:payment.save') }).click();
      const paymentConflict = page.getByRole('alert').filter({ hasText: t('common:conflict.title') });
      await see(paymentConflict);
      const paidOns = await paymentConflict.locator('.conflict__field dd').allTextContents();
      expect(paidOns).toHaveLength(2);
      expect(paidOns[0]).toContain(`${t('common:conflict.mine')} ${belgian(DAYS[0]!)}`);
      expect(paidOns[1]).toContain(`${t('common:conflict.theirs')} 20/11/2026`);
      await fitsThePhone(page);
      await paymentConflict.getByRole('button', { name: t('common:conflict.keepMine') }).click();
      await see(page.getByRole('status').getByText(t('trainings:participants.paid', { name: payer })));
      await see(
        participants
          .getByRole('row')
          .filter({ hasText: PEOPLE[0][1] })
          .getByText(t('trainings:participants.paidOn', { day: belgian(DAYS[0]!) })),
      );

      // The first day: all present, then the second participant unticked.
      const first = belgian(DAYS[0]!);
      await page.getByRole('button', { name: t('trainings:attendance.markFor', { day: first }) }).click();
      const attendance = page.getByRole('form', { name: t('trainings:attendance.title', { day: first }) });
      await attendance.getByRole('button', { name: t('trainings:attendance.allPresent') }).click();
      for (const [firstName, lastName] of PEOPLE)
        expect(await attendance.getByRole('checkbox', { name: `${firstName} ${lastName}` }).isChecked()).toBe(
          true,
        );
      await attendance.getByRole('checkbox', { name: PEOPLE[1].join(' ') }).uncheck();
      await fitsThePhone(page);
      // A colleague saves that day meanwhile with only the second participant: both lists are shown.
      const before = await getTrainingEdition(editionId);
      const idOf = (lastName: string) =>
        before.participantList.find((p) => p.person.lastName === lastName)!.id;
      await setTrainingAttendance(editionId, before.sessions.find((d) => d.heldOn === DAYS[0])!.id, [
        idOf(PEOPLE[1][1]),
      ]);
      await attendance.getByRole('button', { name: t('trainings:attendance.save') }).click();
      const attendanceConflict = attendance
        .getByRole('alert')
        .filter({ hasText: t('common:conflict.title') });
      await see(attendanceConflict);
      expect(await attendanceConflict.locator('.conflict__field dd').allTextContents()).toEqual([
        `${t('common:conflict.mine')} ${PEOPLE[0].join(' ')}`,
        `${t('common:conflict.theirs')} ${PEOPLE[1].join(' ')}`,
      ]);
      await fitsThePhone(page);
      await attendanceConflict.getByRole('button', { name: t('common:conflict.keepMine') }).click();
      await see(page.getByRole('status').getByText(t('trainings:attendance.saved', { day: first })));
      const days = page.getByTestId('attendance-table');
      await see(
        days
          .getByRole('row')
          .filter({ hasText: first })
          .getByText(t('trainings:attendance.presentOf', { n: 1, total: 2 })),
      );
      await see(
        days
          .getByRole('row')
          .filter({ hasText: belgian(DAYS[1]!) })
          .getByText(t('trainings:attendance.presentOf', { n: 0, total: 2 })),
      );
      await fitsThePhone(page);
      await screenshot(page, 'support-trainings-edition');

      // The list: the edition newest first, two participants of twelve places.
      await page.getByRole('link', { name: t('trainings:back') }).click();
      const row = page.getByTestId('editions-table').getByRole('row').filter({ hasText: MODULE.fr });
      await see(row.getByText(t('trainings:editions.ofCapacity', { n: 2, capacity: 12 })));
      await context.close();

      // The same edition read in Dutch: the Dutch title, its days' attendance.
      const dutch = await phone(browser, 'nl');
      await signIn(dutch.page, dutchWorker.email, USER_PASSWORD, NL_LOGIN);
      await see(dutch.page.getByRole('heading', { name: nl('home:title', { name: dutchWorker.name }) }));
      await dutch.page.goto(editionPath);
      await see(dutch.page.getByRole('heading', { name: MODULE.nl, level: 1 }));
      await see(
        dutch.page
          .getByTestId('attendance-table')
          .getByRole('row')
          .filter({ hasText: first })
          .getByText(nl('trainings:attendance.presentOf', { n: 1, total: 2 })),
      );
      // The fee as Dutch writes it.
      await see(
        dutch.page
          .getByTestId('participants-table')
          .getByRole('row')
          .filter({ hasText: PEOPLE[1][1] })
          .getByText(/^€\s45,00$/),
      );
      await see(
        dutch.page
          .getByTestId('edition-capacity')
          .getByText(nl('trainings:edition.places', { n: 2, capacity: 12, left: 10 })),
      );
      await dutch.context.close();
    },
  );

  it(
    "an edition's days half-corrected come back, every one of them, after the session ended and the worker signed in again (nl)",
    { timeout: 150_000 },
    async () => {
      const module = await createTrainingModule({
        titleFr: 'Travail de rue et logement (Vlier)',
        titleNl: 'Straathoekwerk en wonen (Vlier)',
      });
      const edition = await createTrainingEdition({
        moduleId: module.id,
        organiser: 'smes',
        format: 'in_person',
        place: 'Zaal Vlier, Laken',
        days: ['2027-02-01', '2027-02-08'],
      });
      const drafter = await createPoleUser('worker', 'support', 'Wannes Concept', 'nl');
      const { context, page } = await phone(browser, 'nl');
      await signIn(page, drafter.email, USER_PASSWORD, NL_LOGIN);
      await see(page.getByRole('heading', { name: nl('home:title', { name: drafter.name }) }));
      await page.goto(`/support/trainings/editions/${edition.id}`);
      await see(page.getByRole('heading', { name: module.titleNl, level: 1 }));
      const facts = page.getByRole('region', { name: nl('trainings:edition.title') });
      await facts.getByRole('button', { name: nl('trainings:edition.edit') }).click();
      const form = page.getByRole('form', { name: nl('trainings:editionForm.editTitle') });
      const day = (n: number) => form.getByLabel(nl('trainings:days.day', { n }), { exact: true });

      // The second day moved, a third added, the room changed: three days typed, none saved.
      const typed = ['2027-02-01', '2027-02-15', '2027-02-22'];
      await day(2).fill(typed[1]!);
      await form.getByRole('button', { name: nl('trainings:days.add') }).click();
      await day(3).fill(typed[2]!);
      await form.getByLabel(nl('trainings:editionForm.place')).fill('Zaal Vlier, 1ste verdieping');
      await fitsThePhone(page);

      // The session is ended elsewhere; saving finds it gone; signing in again comes back here.
      await endSessions(drafter.id);
      await form.getByRole('button', { name: nl('trainings:editionForm.save') }).click();
      await see(page.getByText(nl('errors:errors.SESSION_EXPIRED')));
      await signInHere(page, drafter.email, USER_PASSWORD, NL_LOGIN);
      await see(page.getByRole('heading', { name: module.titleNl, level: 1 }));
      expect(new URL(page.url()).pathname).toBe(`/support/trainings/editions/${edition.id}`);
      // Nothing was saved meanwhile: the edition still has its two days.
      expect((await getTrainingEdition(edition.id)).days).toEqual(['2027-02-01', '2027-02-08']);

      // Opening the form again (from its button, as before) brings back every day typed, said so,
      // and the room.
      await facts.getByRole('button', { name: nl('trainings:edition.edit') }).click();
      await see(form.getByText(nl('drafts:restored')));
      await expect.poll(() => form.getByLabel(/^Dag \d+$/).count()).toBe(3);
      for (const [i, value] of typed.entries()) expect(await day(i + 1).inputValue()).toBe(value);
      expect(await form.getByLabel(nl('trainings:editionForm.place')).inputValue()).toBe(
        'Zaal Vlier, 1ste verdieping',
      );
      await fitsThePhone(page);
      await screenshot(page, 'support-trainings-edition-draft-nl');

      // Saved now: the edition's three days, as the page and the API hold them.
      await form.getByRole('button', { name: nl('trainings:editionForm.save') }).click();
      await see(page.getByRole('status').getByText(nl('trainings:edition.saved')));
      await see(page.getByTestId('edition-facts').getByText(typed.map(belgian).join(', '), { exact: true }));
      const saved = await getTrainingEdition(edition.id);
      expect(saved.days).toEqual(typed);
      expect(saved.place).toBe('Zaal Vlier, 1ste verdieping');
      await context.close();
    },
  );

  it('keeps a Connect worker out: no menu item, the refusal page on both addresses', async () => {
    const { context, page } = await phone(browser, 'fr');
    await signIn(page, connectWorker.email, USER_PASSWORD, FR_LOGIN);
    await see(page.getByRole('heading', { name: t('home:title', { name: connectWorker.name }) }));
    await page.getByRole('button', { name: t('common:nav.menu') }).click();
    const nav = page.getByRole('navigation', { name: t('common:nav.label') });
    await see(nav.getByRole('link', { name: t('common:nav.home') }));
    expect(await nav.getByRole('link', { name: t('common:nav.trainings') }).count()).toBe(0);
    for (const path of ['/support/trainings', seededEditionPath]) {
      await page.goto(path);
      await see(page.getByRole('heading', { name: t('common:forbidden.title') }));
      expect(await page.getByText(PEOPLE[0][1]).count()).toBe(0);
    }
    await context.close();
  });
});
