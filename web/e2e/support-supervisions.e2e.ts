import type { Browser } from 'playwright-core';
import { formatAmount } from '@smes/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisation,
  createPoleUser,
  createSupervision,
  getSupervision,
  referenceId,
  updateSupervision,
  USER_PASSWORD,
} from './support/api';
import {
  expectNoSidewaysScroll,
  FR_LOGIN,
  launchBrowser,
  newPhone,
  NL_LOGIN,
  pick,
  screenshot,
  see,
  signIn,
} from './support/browser';
import { translator } from './support/locale';

/**
 * Support's supervisions on a phone (360×740, touch): a worker takes a team's supervision
 * through its form, adds two sessions with a pair, marks one held with its participants, cancels
 * the other with a reason, corrects the agreement while someone else changed it (both values
 * shown) and records the fee's payment. The page reads in Dutch for a Dutch-speaking worker; a
 * Connect worker gets the refusal page. Labels come from the SPA's locale files; names are
 * fictional and unique to this file.
 */
const WORKER = 'Maëlle Quintard';
const PARTNER = 'Baptiste Orlhac';
const ORGANISATION = 'Maison Cerfeuil';
const TEAM = 'Équipe de rue du soir';

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const shown = (day: string) => day.split('-').reverse().join('/');

describe('supervisions on a phone', () => {
  let browser: Browser;
  let organisationId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const sector = await referenceId('sector', 'homeless');
    organisationId = (await createOrganisation({ nameFr: ORGANISATION, sectorIds: [sector] })).id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'a Support worker takes a supervision, holds one session, cancels another, corrects the agreement and records the fee paid',
    { timeout: 180_000 },
    async () => {
      const t = translator('fr');
      const worker = await createPoleUser('worker', 'support', WORKER, 'fr');
      await createPoleUser('worker', 'support', PARTNER, 'fr');
      const today = isoDay(new Date());
      const twoDaysAgo = isoDay(new Date(Date.now() - 2 * 86_400_000));
      const { page, close } = await newPhone(browser, 'fr');
      await signIn(page, worker.email, USER_PASSWORD, FR_LOGIN);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/support/supervisions');
      await see(page.getByRole('heading', { level: 1, name: t('supervisions:title') }));

      // The supervision through its form: a team is required; the fee typed the Belgian way.
      await page.getByRole('button', { name: t('supervisions:form.open') }).click();
      const form = page.getByRole('form', { name: t('supervisions:form.title') });
      await pick(form, t('supervisions:form.organisation'), 'cerfeuil', ORGANISATION);
      await form.getByRole('button', { name: t('supervisions:form.submit') }).click();
      await see(form.getByText(t('errors:fieldErrors.required')));
      await form.getByLabel(t('supervisions:form.team')).fill(TEAM);
      await form
        .getByLabel(t('supervisions:form.startsOn'))
        .fill(isoDay(new Date(Date.now() - 10 * 86_400_000)));
      await form.getByLabel(t('supervisions:form.plannedSessions')).fill('6');
      await form.getByLabel(t('supervisions:form.fee')).fill('250,00');
      await expectNoSidewaysScroll(page);
      await form.getByRole('button', { name: t('supervisions:form.submit') }).click();
      await page.waitForURL((url) => /^\/support\/supervisions\/[0-9a-f-]{36}$/.test(url.pathname));
      const id = new URL(page.url()).pathname.split('/').pop()!;
      await see(page.getByRole('heading', { level: 1, name: TEAM }));
      const feedback = page.getByRole('status');
      const held = page.getByTestId('held-count');
      await see(held.getByText(t('supervisions:agreement.heldOf', { held: '0', planned: '6' })));

      // Two sessions led by the pair: two days ago, and today.
      for (const day of [twoDaysAgo, today]) {
        await page.getByRole('button', { name: t('supervisions:sessions.add.open') }).click();
        const session = page.getByRole('form', { name: t('supervisions:sessions.add.title') });
        await session.getByLabel(t('supervisions:sessions.add.day')).fill(day);
        await session.getByLabel(t('supervisions:sessions.add.first')).selectOption({ label: WORKER });
        await session.getByLabel(t('supervisions:sessions.add.second')).selectOption({ label: PARTNER });
        await session.getByRole('button', { name: t('supervisions:sessions.add.submit') }).click();
        await see(feedback.getByText(t('supervisions:sessions.added', { day: shown(day) })));
      }
      const sessions = page.getByTestId('sessions-table');
      await see(
        sessions
          .getByRole('row')
          .filter({ hasText: shown(today) })
          .getByText(`${WORKER} · ${PARTNER}`),
      );

      // Held, with seven of the team there.
      await page
        .getByRole('button', { name: t('supervisions:sessions.markHeldFor', { day: shown(twoDaysAgo) }) })
        .click();
      const heldDialog = page.getByRole('dialog', {
        name: t('supervisions:sessions.heldTitle', { day: shown(twoDaysAgo) }),
      });
      await heldDialog.getByLabel(t('supervisions:sessions.participantsLabel')).fill('7');
      await heldDialog
        .getByRole('button', { name: t('supervisions:sessions.heldConfirm'), exact: true })
        .click();
      await see(feedback.getByText(t('supervisions:sessions.heldDone', { day: shown(twoDaysAgo) })));
      const heldRow = sessions.getByRole('row').filter({ hasText: shown(twoDaysAgo) });
      await see(heldRow.getByText(t('supervisions:sessions.participants', { count: 7, n: '7' })));

      // Cancelled: not without a reason.
      await page
        .getByRole('button', { name: t('supervisions:sessions.cancelFor', { day: shown(today) }) })
        .click();
      const cancelDialog = page.getByRole('dialog', {
        name: t('supervisions:sessions.cancelTitle', { day: shown(today) }),
      });
      const confirmCancel = cancelDialog.getByRole('button', {
        name: t('supervisions:sessions.cancelConfirm'),
        exact: true,
      });
      await confirmCancel.click();
      await see(cancelDialog.getByText(t('errors:fieldErrors.required')));
      await cancelDialog.getByLabel(t('supervisions:sessions.reason')).fill("L'équipe était en grève.");
      await confirmCancel.click();
      await see(feedback.getByText(t('supervisions:sessions.cancelDone', { day: shown(today) })));
      await see(sessions.getByText("L'équipe était en grève."));
      await see(held.getByText(t('supervisions:agreement.heldOf', { held: '1', planned: '6' })));
      await expectNoSidewaysScroll(page);

      // The agreement corrected while a colleague set ten sessions: both values, the user keeps theirs.
      await page.getByRole('button', { name: t('supervisions:edit.open') }).click();
      const agreement = page.getByRole('form', { name: t('supervisions:edit.title') });
      await updateSupervision(id, { plannedSessions: 10 });
      await agreement.getByLabel(t('supervisions:edit.plannedSessions')).fill('8');
      await agreement.getByLabel(t('supervisions:edit.fee')).fill('300,00');
      await agreement.getByRole('button', { name: t('supervisions:edit.submit') }).click();
      const conflict = agreement.getByRole('alert').filter({ hasText: t('common:conflict.title') });
      await see(conflict);
      const field = conflict
        .locator('.conflict__field')
        .filter({ hasText: t('supervisions:edit.plannedSessions') });
      expect(await field.locator('dd').allTextContents()).toEqual([
        `${t('common:conflict.mine')} 8`,
        `${t('common:conflict.theirs')} 10`,
      ]);
      await expectNoSidewaysScroll(page);
      await screenshot(page, '75-support-supervision-conflict-fr');
      await conflict.getByRole('button', { name: t('common:conflict.keepMine') }).click();
      await see(feedback.getByText(t('supervisions:edit.saved')));
      await see(held.getByText(t('supervisions:agreement.heldOf', { held: '1', planned: '8' })));
      const fee = page.getByTestId('agreement-fee');
      await see(fee.getByText(formatAmount('300.00', 'fr')));

      // The fee paid: today, the amount agreed proposed.
      await page.getByRole('button', { name: t('common:payment.record') }).click();
      const payment = page.getByRole('form', { name: t('common:payment.recordFor', { name: TEAM }) });
      expect(await payment.getByLabel(t('common:payment.amountFor', { name: TEAM })).inputValue()).toBe(
        '300,00',
      );
      await payment.getByRole('button', { name: t('common:payment.save') }).click();
      await see(feedback.getByText(t('supervisions:payment.recorded')));
      await see(fee.getByText(t('supervisions:agreement.paidOn', { day: shown(today) }), { exact: false }));
      await see(page.getByRole('button', { name: t('common:payment.undo') }));
      await expectNoSidewaysScroll(page);
      await screenshot(page, '76-support-supervision-fr');

      const saved = await getSupervision(id);
      expect(saved).toMatchObject({
        team: TEAM,
        plannedSessions: 8,
        fee: '300.00',
        heldSessions: 1,
        payment: { paidOn: today, amount: '300.00' },
      });
      expect(saved.sessions.map((s) => [s.startsOn, s.status, s.participants, s.cancelReason])).toEqual([
        [twoDaysAgo, 'held', 7, null],
        [today, 'cancelled', null, "L'équipe était en grève."],
      ]);
      await close();
    },
  );

  it(
    'reads in Dutch for a Dutch-speaking worker; a Connect worker gets the refusal page',
    { timeout: 120_000 },
    async () => {
      const nl = translator('nl');
      const fr = translator('fr');
      const supervision = await createSupervision({
        id: crypto.randomUUID(),
        organisationId,
        team: 'Nachtploeg Cerfeuil',
        startsOn: isoDay(new Date()),
        plannedSessions: 4,
        fee: null,
      });
      const worker = await createPoleUser('worker', 'support', 'Wout Verhaegen', 'nl');
      const dutch = await newPhone(browser, 'nl');
      await signIn(dutch.page, worker.email, USER_PASSWORD, NL_LOGIN);
      await dutch.page.waitForURL((url) => url.pathname === '/');
      await dutch.page.goto(`/support/supervisions/${supervision.id}`);
      await see(dutch.page.getByRole('heading', { level: 1, name: 'Nachtploeg Cerfeuil' }));
      await see(dutch.page.getByRole('heading', { level: 2, name: nl('supervisions:agreement.title') }));
      await see(
        dutch.page
          .getByTestId('held-count')
          .getByText(nl('supervisions:agreement.heldOf', { held: '0', planned: '4' })),
      );
      await see(dutch.page.getByTestId('agreement-fee').getByText(nl('supervisions:agreement.noFee')));
      await see(dutch.page.getByRole('button', { name: nl('supervisions:edit.open') }));
      // Free: no payment to record.
      expect(await dutch.page.getByRole('button', { name: nl('common:payment.record') }).count()).toBe(0);
      await expectNoSidewaysScroll(dutch.page);
      await dutch.close();

      const connect = await createPoleUser('worker', 'connect', 'Arnaud Delcourt', 'fr');
      const outsider = await newPhone(browser, 'fr');
      await signIn(outsider.page, connect.email, USER_PASSWORD, FR_LOGIN);
      await outsider.page.waitForURL((url) => url.pathname === '/');
      await outsider.page.goto(`/support/supervisions/${supervision.id}`);
      await see(outsider.page.getByRole('heading', { level: 1, name: fr('common:forbidden.title') }));
      expect(await outsider.page.content()).not.toContain('Nachtploeg');
      await outsider.close();
    },
  );
});
