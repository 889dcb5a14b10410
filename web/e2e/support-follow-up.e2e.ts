import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSupportIntervention,
  createOrganisation,
  createPerson,
  createPoleUser,
  createSupportRequest,
  getSupportRequest,
  recordSupportFirstAnswer,
  referenceId,
  updateUser,
  USER_PASSWORD,
} from './support/api';
import {
  expectNoSidewaysScroll,
  FR_LOGIN,
  launchBrowser,
  newPhone,
  NL_LOGIN,
  screenshot,
  see,
  signIn,
} from './support/browser';
import { translator, type Language } from './support/locale';

/**
 * One Support request followed up on a phone (360×740, touch), written once and run in French
 * and in Dutch: the team discussion, the first answer, an intervention by a pair (corrected), closing and
 * reopening (asked first). A Connect worker opening the same address gets the refusal page.
 * Every label comes from the SPA's locale files; names are fictional and unique to this file.
 */
interface Run {
  language: Language;
  login: typeof FR_LOGIN;
  worker: string;
  partner: string;
  organisation: string;
  requester: [first: string, last: string];
  impasse: string;
  notes: string;
  closeReason: 'unblocked' | 'referred';
}

const RUNS: Run[] = [
  {
    language: 'fr',
    login: FR_LOGIN,
    worker: 'Solène Bertrandie',
    partner: 'Thibaut Morvanne',
    organisation: 'Maison Sureau',
    requester: ['Ophélie', 'Castagnède'],
    impasse: 'Monsieur refuse de quitter un logement insalubre et ne répond plus au service.',
    notes: 'Visite à deux au service, plan établi avec l’équipe.',
    closeReason: 'unblocked',
  },
  {
    language: 'nl',
    login: NL_LOGIN,
    worker: 'Fien Vandermaelen',
    partner: 'Jorik Steenhuyse',
    organisation: 'Huis Vlier',
    requester: ['Lotte', 'Ravensteyn'],
    impasse: 'Mevrouw weigert elke hulp en slaapt al weken in de inkomhal van het gebouw.',
    notes: 'Samen langs geweest bij de dienst, afspraken gemaakt met het team.',
    closeReason: 'referred',
  },
];

/** Today in the browser's time, as `yyyy-mm-dd`, and a day as the page writes it (dd/mm/yyyy). */
const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const shown = (day: string) => day.split('-').reverse().join('/');

describe.each(RUNS)('a Support request followed up on a phone ($language)', (run) => {
  const t = translator(run.language);
  let browser: Browser;
  let worker: { email: string; name: string };
  let requestId = '';
  let code = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    worker = await createPoleUser('worker', 'support', run.worker, run.language);
    await createPoleUser('worker', 'support', run.partner, run.language);
    const sector = await referenceId('sector', 'general_social');
    const organisation = await createOrganisation({ nameFr: run.organisation, sectorIds: [sector] });
    const person = await createPerson({
      firstName: run.requester[0],
      lastName: run.requester[1],
      affiliations: [{ organisationId: organisation.id }],
    });
    // Received three days ago: every step below is dated today, after it and not in the future.
    const received = new Date(Date.now() - 3 * 86_400_000);
    const request = await createSupportRequest({
      id: crypto.randomUUID(),
      receivedAt: received.toISOString(),
      channel: 'phone',
      requester: { kind: 'professional', personId: person.id, organisationId: organisation.id },
      person: { initials: 'R.V.', gender: 'male', ageBand: '41_60', housing: 'street' },
      impasse: run.impasse,
    });
    requestId = request.id;
    code = request.code;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'a Support worker corrects the received date, records the team discussion, the first answer, an intervention by a pair, closes and reopens it',
    { timeout: 180_000 },
    async () => {
      const today = isoDay(new Date());
      const { page, close } = await newPhone(browser, run.language);
      await signIn(page, worker.email, USER_PASSWORD, run.login);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`/support/requests/${requestId}`);
      await see(page.getByRole('heading', { level: 1, name: t('support-follow-up:title', { code }) }));

      // What was taken: the requester, the person by code only, the impasse, the promise pending.
      const requester = page.getByTestId('request-requester');
      await see(requester.getByText(`${run.requester[0]} ${run.requester[1]}`));
      await see(requester.getByText(run.organisation));
      const personPanel = page.getByTestId('request-person');
      await see(personPanel.getByText('R.V.'));
      await see(personPanel.getByText(t('support-follow-up:housing.street')));
      await see(page.getByTestId('request-impasse').getByText(run.impasse));
      const promise = page.getByTestId('request-promise');
      expect(await promise.textContent()).not.toContain(
        t('support-follow-up:promise.met', { day: '' }).trim(),
      );
      await expectNoSidewaysScroll(page);
      await screenshot(page, `70-support-request-${run.language}`);

      // Correcting the received date: a day earlier moves the due date with it, said before saving.
      const before = await getSupportRequest(requestId);
      await page.getByRole('button', { name: t('support-follow-up:correct.open') }).click();
      const correction = page.getByRole('form', { name: t('support-follow-up:correct.title', { code }) });
      const receivedField = correction.getByLabel(t('support-follow-up:correct.receivedAt'));
      const earlier = new Date(new Date(before.receivedAt).getTime() - 86_400_000);
      earlier.setHours(10, 30, 0, 0);
      await receivedField.fill(`${isoDay(earlier)}T10:30`);
      const newDue = isoDay(new Date(earlier.getTime() + 7 * 86_400_000));
      await see(correction.getByText(t('support-follow-up:correct.dueHint', { due: shown(newDue) })));
      await correction.getByRole('button', { name: t('support-follow-up:correct.submit') }).click();
      await see(
        page.getByRole('status').getByText(t('support-follow-up:correct.dueMoved', { due: shown(newDue) })),
      );
      await see(page.getByTestId('request-facts').getByText(shown(newDue), { exact: true }));
      expect((await getSupportRequest(requestId)).dueOn).toBe(newDue);

      const followUp = page.getByTestId('request-follow-up');
      const feedback = page.getByRole('status');

      // The team discussion, dated today by default.
      await page.getByRole('button', { name: t('support-follow-up:followUp.discussion.open') }).click();
      const discussion = page.getByRole('form', { name: t('support-follow-up:followUp.discussion.open') });
      expect(await discussion.getByLabel(t('support-follow-up:followUp.discussion.date')).inputValue()).toBe(
        today,
      );
      await discussion
        .getByRole('button', { name: t('support-follow-up:followUp.discussion.submit') })
        .click();
      await see(feedback.getByText(t('support-follow-up:followUp.discussion.done', { day: shown(today) })));
      await see(followUp.getByText(t('support-follow-up:followUp.discussion.value', { day: shown(today) })));
      await see(page.getByTestId('request-facts').getByText(t('support-follow-up:statuses.discussed')));

      // The first answer, by the worker themself, on the phone: the week's promise is kept.
      await page.getByRole('button', { name: t('support-follow-up:followUp.firstAnswer.open') }).click();
      const answer = page.getByRole('form', { name: t('support-follow-up:followUp.firstAnswer.open') });
      // A day in the future is refused, next to the field, in the page's language.
      // Tomorrow where the API judges it (Brussels), even in the hour the browser's UTC day lags behind.
      const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
        new Date(Date.now() + 86_400_000),
      );
      await answer.getByLabel(t('support-follow-up:followUp.firstAnswer.date')).fill(tomorrow);
      await see(answer.getByLabel(t('support-follow-up:followUp.firstAnswer.by')));
      expect(
        await answer
          .getByLabel(t('support-follow-up:followUp.firstAnswer.by'))
          .locator('option:checked')
          .textContent(),
      ).toBe(run.worker);
      await answer.getByRole('button', { name: t('support-follow-up:followUp.firstAnswer.submit') }).click();
      await see(answer.getByText(t('errors:fieldErrors.afterToday')));
      await answer.getByLabel(t('support-follow-up:followUp.firstAnswer.date')).fill(today);
      await answer.getByRole('button', { name: t('support-follow-up:followUp.firstAnswer.submit') }).click();
      await see(feedback.getByText(t('support-follow-up:followUp.firstAnswer.done', { day: shown(today) })));
      await see(
        followUp.getByText(
          t('support-follow-up:followUp.firstAnswer.value', {
            day: shown(today),
            by: run.worker,
            how: t('support-follow-up:answerHows.phone'),
          }),
        ),
      );
      await see(promise.getByText(t('support-follow-up:promise.met', { day: shown(today) })));
      // Answered once: the button is gone.
      expect(
        await page.getByRole('button', { name: t('support-follow-up:followUp.firstAnswer.open') }).count(),
      ).toBe(0);

      // An intervention by the pair: the worker and their colleague.
      await page.getByRole('button', { name: t('support-follow-up:followUp.interventions.open') }).click();
      const intervention = page.getByRole('form', {
        name: t('support-follow-up:followUp.interventions.title'),
      });
      await intervention
        .getByLabel(t('support-follow-up:followUp.interventions.second'))
        .selectOption({ label: run.partner });
      await intervention
        .getByLabel(t('support-follow-up:followUp.interventions.place'))
        .selectOption({ label: t('support-follow-up:places.requester_service') });
      await intervention.getByLabel(t('support-follow-up:followUp.interventions.duration')).fill('90');
      await intervention.getByLabel(t('support-follow-up:followUp.interventions.notes')).fill(run.notes);
      await intervention
        .getByRole('button', { name: t('support-follow-up:followUp.interventions.submit') })
        .click();
      await see(
        feedback.getByText(t('support-follow-up:followUp.interventions.done', { day: shown(today) })),
      );
      const row = page.getByTestId('request-interventions').getByRole('row').filter({ hasText: run.notes });
      await see(row.getByText(`${run.worker} · ${run.partner}`));
      await see(row.getByText(t('support-follow-up:followUp.interventions.minutes', { value: '90' })));
      await see(page.getByTestId('request-facts').getByText(t('support-follow-up:statuses.intervention')));
      await expectNoSidewaysScroll(page);

      // Corrected: it was an hour in the street, not ninety minutes at the service.
      await row
        .getByRole('button', {
          name: t('support-follow-up:followUp.interventions.correctFor', { day: shown(today) }),
        })
        .click();
      const fix = page.getByRole('form', {
        name: t('support-follow-up:followUp.interventions.correctTitle', { day: shown(today) }),
      });
      // Opened below the list, off-screen on a phone: its first field takes the focus.
      const heldOn = fix.getByLabel(t('support-follow-up:followUp.interventions.date'));
      await expect.poll(() => heldOn.evaluate((el) => el === document.activeElement)).toBe(true);
      await fix
        .getByLabel(t('support-follow-up:followUp.interventions.place'))
        .selectOption({ label: t('support-follow-up:places.street') });
      await fix.getByLabel(t('support-follow-up:followUp.interventions.duration')).fill('60');
      await expectNoSidewaysScroll(page);
      await fix
        .getByRole('button', { name: t('support-follow-up:followUp.interventions.correctSubmit') })
        .click();
      await see(
        feedback.getByText(t('support-follow-up:followUp.interventions.corrected', { day: shown(today) })),
      );
      await see(row.getByText(t('support-follow-up:followUp.interventions.minutes', { value: '60' })));
      await see(row.getByText(t('support-follow-up:places.street')));

      // Closing: a reason is required.
      await page.getByRole('button', { name: t('support-follow-up:followUp.close.open') }).click();
      const closing = page.getByRole('form', { name: t('support-follow-up:followUp.close.open') });
      await closing.getByRole('button', { name: t('support-follow-up:followUp.close.submit') }).click();
      await see(closing.getByText(t('errors:fieldErrors.required')));
      await closing
        .getByLabel(t('support-follow-up:followUp.close.reason'))
        .selectOption({ label: t(`support-follow-up:closeReasons.${run.closeReason}`) });
      await closing.getByRole('button', { name: t('support-follow-up:followUp.close.submit') }).click();
      await see(feedback.getByText(t('support-follow-up:followUp.close.done', { day: shown(today) })));
      await see(page.getByTestId('request-facts').getByText(t('support-follow-up:statuses.closed')));
      await see(page.getByText(t('support-follow-up:followUp.closedNote')));
      // A closed request takes no step until reopened.
      expect(
        await page.getByRole('button', { name: t('support-follow-up:followUp.interventions.open') }).count(),
      ).toBe(0);
      await screenshot(page, `71-support-request-closed-${run.language}`);

      // Reopening asks first; declining changes nothing.
      await page.getByRole('button', { name: t('support-follow-up:followUp.reopen.open') }).click();
      const dialog = page.getByRole('dialog', {
        name: t('support-follow-up:followUp.reopen.title', { code }),
      });
      await see(dialog);
      await dialog.getByRole('button', { name: t('support-follow-up:followUp.reopen.cancel') }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await getSupportRequest(requestId)).status).toBe('closed');
      await page.getByRole('button', { name: t('support-follow-up:followUp.reopen.open') }).click();
      await dialog
        .getByRole('button', { name: t('support-follow-up:followUp.reopen.confirm'), exact: true })
        .click();
      await see(feedback.getByText(t('support-follow-up:followUp.reopen.done')));
      // Back where its follow-up was: an intervention took place.
      await see(page.getByTestId('request-facts').getByText(t('support-follow-up:statuses.intervention')));
      await see(followUp.getByText(t('support-follow-up:followUp.close.none')));
      await expectNoSidewaysScroll(page);

      const saved = await getSupportRequest(requestId);
      expect(saved).toMatchObject({
        status: 'intervention',
        discussedOn: today,
        firstAnswer: { on: today, how: 'phone', by: { displayName: run.worker } },
        answeredInTime: true,
        closedOn: null,
      });
      expect(saved.interventions).toHaveLength(1);
      expect(saved.interventions[0]).toMatchObject({
        heldOn: today,
        place: 'street',
        durationMinutes: 60,
        notes: run.notes,
      });
      expect(saved.interventions[0]!.workers.map((w) => w.displayName)).toEqual([run.worker, run.partner]);
      await close();
    },
  );

  it(
    'a Connect worker opening its address gets the refusal page, and nothing of it',
    { timeout: 90_000 },
    async () => {
      const connect = await createPoleUser('worker', 'connect', 'Arnaud Vaneck', run.language);
      const { page, close } = await newPhone(browser, run.language);
      await signIn(page, connect.email, USER_PASSWORD, run.login);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`/support/requests/${requestId}`);
      await see(page.getByRole('heading', { level: 1, name: t('common:forbidden.title') }));
      expect(await page.content()).not.toContain(code);
      expect(await page.content()).not.toContain(run.impasse);
      await close();
    },
  );
});

describe('a Support request whose pair includes workers who have since left (fr)', () => {
  const t = translator('fr');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'names the departed workers (account disabled, or moved to another pole) on the request page and in a correction',
    { timeout: 120_000 },
    async () => {
      const worker = await createPoleUser('worker', 'support', 'Maëlle Dujardin', 'fr');
      const disabled = await createPoleUser('worker', 'support', 'Gaspard Lhoist', 'fr');
      const moved = await createPoleUser('worker', 'support', 'Romane Verbiest', 'fr');
      const sector = await referenceId('sector', 'general_social');
      const organisation = await createOrganisation({ nameFr: 'Maison Églantier', sectorIds: [sector] });
      const person = await createPerson({
        firstName: 'Hortense',
        lastName: 'Delcourbe',
        affiliations: [{ organisationId: organisation.id }],
      });
      // Days in Brussels, a few days back: never "after today", whatever the hour.
      const brussels = (daysAgo: number) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
          new Date(Date.now() - daysAgo * 86_400_000),
        );
      const request = await createSupportRequest({
        id: crypto.randomUUID(),
        receivedAt: new Date(Date.now() - 6 * 86_400_000).toISOString(),
        channel: 'phone',
        requester: { kind: 'professional', personId: person.id, organisationId: organisation.id },
        person: { initials: 'H.D.', gender: 'female', ageBand: '26_40', housing: 'street' },
        impasse: 'Madame dort dans sa voiture et refuse toute orientation.',
      });
      // While all three were in the team: the first answer by one, two interventions in pairs.
      const answeredOn = brussels(4);
      await recordSupportFirstAnswer(request.id, {
        answeredOn,
        byUserId: disabled.id,
        how: 'phone',
      });
      const [withDisabled, withMoved] = [brussels(3), brussels(2)];
      await addSupportIntervention(request.id, {
        id: crypto.randomUUID(),
        heldOn: withDisabled,
        workerIds: [worker.id, disabled.id],
        place: 'street',
        durationMinutes: 45,
        notes: 'Première rencontre à deux.',
      });
      await addSupportIntervention(request.id, {
        id: crypto.randomUUID(),
        heldOn: withMoved,
        workerIds: [moved.id, worker.id],
        place: 'requester_service',
        durationMinutes: 30,
        notes: 'Point avec le service.',
      });
      // Then one left (account disabled) and the other moved to Connect.
      await updateUser(disabled.id, { disabled: true });
      await updateUser(moved.id, { poles: ['connect'] });

      const { page, close } = await newPhone(browser, 'fr');
      await signIn(page, worker.email, USER_PASSWORD, FR_LOGIN);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`/support/requests/${request.id}`);
      await see(
        page.getByRole('heading', { level: 1, name: t('support-follow-up:title', { code: request.code }) }),
      );

      // Named where they appear: the first answer, and each intervention's pair.
      await see(
        page.getByTestId('request-follow-up').getByText(
          t('support-follow-up:followUp.firstAnswer.value', {
            day: shown(answeredOn),
            by: disabled.name,
            how: t('support-follow-up:answerHows.phone'),
          }),
        ),
      );
      const rows = page.getByTestId('request-interventions').getByRole('row');
      const first = rows.filter({ hasText: 'Première rencontre à deux.' });
      const second = rows.filter({ hasText: 'Point avec le service.' });
      await see(first.getByText(`${worker.name} · ${disabled.name}`, { exact: true }));
      await see(second.getByText(`${moved.name} · ${worker.name}`, { exact: true }));
      await expectNoSidewaysScroll(page);
      await screenshot(page, '72-support-request-departed-pair-fr');

      // Correcting the intervention with the departed colleague: they stay chosen, by name.
      await first
        .getByRole('button', {
          name: t('support-follow-up:followUp.interventions.correctFor', { day: shown(withDisabled) }),
        })
        .click();
      const fix = page.getByRole('form', {
        name: t('support-follow-up:followUp.interventions.correctTitle', { day: shown(withDisabled) }),
      });
      const chosen = (label: string) =>
        fix.getByLabel(t(`support-follow-up:followUp.interventions.${label}`)).locator('option:checked');
      expect(await chosen('first').textContent()).toBe(worker.name);
      expect(await chosen('second').textContent()).toBe(disabled.name);
      // No one else who left is offered: the moved worker is not in this pair's choices.
      expect(
        await fix
          .getByLabel(t('support-follow-up:followUp.interventions.second'))
          .getByRole('option', { name: moved.name })
          .count(),
      ).toBe(0);
      await fix.getByLabel(t('support-follow-up:followUp.interventions.duration')).fill('50');
      await fix
        .getByRole('button', { name: t('support-follow-up:followUp.interventions.correctSubmit') })
        .click();
      await see(
        page
          .getByRole('status')
          .getByText(t('support-follow-up:followUp.interventions.corrected', { day: shown(withDisabled) })),
      );
      await see(first.getByText(t('support-follow-up:followUp.interventions.minutes', { value: '50' })));
      await see(first.getByText(`${worker.name} · ${disabled.name}`, { exact: true }));

      const saved = await getSupportRequest(request.id);
      const held = saved.interventions.find((i) => i.heldOn === withDisabled)!;
      expect(held.durationMinutes).toBe(50);
      expect(held.workers.map((w) => w.displayName)).toEqual([worker.name, disabled.name]);
      await close();
    },
  );
});
