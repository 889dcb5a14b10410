import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUser, endSessions, enrolSecondFactor, uniqueEmail, USER_PASSWORD } from './support/api';
import { FR_LOGIN, launchBrowser, newPage, NL_LOGIN, screenshot, see, signIn } from './support/browser';
import { nextCode, secrets, totp } from './support/totp';

/** Nothing wider than the screen (a QR code or a key that overflows a 360 px phone). */
async function fitsWidth(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('the second factor', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'a Housing First worker enrols on a phone in French, then signs in with a code',
    { timeout: 60_000 },
    async () => {
      const email = uniqueEmail('worker.hf');
      await createUser({
        email,
        displayName: 'Hélène Housing',
        role: 'worker',
        poles: ['housing_first'],
        password: USER_PASSWORD,
      });
      const { context, page } = await newPage(browser);
      await page.setViewportSize({ width: 360, height: 740 });
      await signIn(page, email, USER_PASSWORD);

      // Straight to enrolment; the rest of the app is out of reach until it is done.
      await see(page.getByRole('heading', { name: 'Validation en deux étapes', level: 1 }));
      expect(new URL(page.url()).pathname).toBe('/enrol');
      await page.goto('/directory/organisations');
      await see(page.getByRole('heading', { name: 'Validation en deux étapes', level: 1 }));
      expect(new URL(page.url()).pathname).toBe('/enrol');

      await page.getByRole('button', { name: 'Commencer' }).click();
      await see(page.getByRole('img', { name: "Code QR à scanner avec l'application d'authentification" }));
      await fitsWidth(page);
      await screenshot(page, 'mfa-01-enrol-qr-phone');
      await page.getByText('Impossible de scanner ? Saisir la clé à la main').click();
      const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);

      const codeField = page.getByLabel("2. Code affiché par l'application");
      expect(await codeField.getAttribute('inputmode')).toBe('numeric');
      expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
      // A wrong code: neither this step's nor the next's.
      const step = Math.floor(Date.now() / 30_000);
      const near = [totp(secret, step - 1), totp(secret, step), totp(secret, step + 1)];
      await codeField.fill(['000000', '111111', '222222', '333333'].find((c) => !near.includes(c))!);
      await page.getByRole('button', { name: 'Activer' }).click();
      expect(await (await see(page.getByText("Ce code n'est pas valable."))).isVisible()).toBe(true);
      await codeField.fill(await nextCode(secret));
      await page.getByRole('button', { name: 'Activer' }).click();

      await see(page.getByText('La validation en deux étapes est activée.'));
      const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
      expect(codes).toHaveLength(10);
      await see(page.getByRole('button', { name: 'Télécharger les codes' }));
      await see(page.getByRole('button', { name: 'Imprimer' }));
      await fitsWidth(page);
      await screenshot(page, 'mfa-02-recovery-codes-phone');
      await page.getByRole('button', { name: "J'ai mis mes codes en lieu sûr, continuer" }).click();
      await see(page.getByRole('heading', { name: 'Bonjour, Hélène Housing' }));

      // Next time: the password, then the code, on a numeric keypad.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await see(page.getByRole('heading', { name: 'Se connecter' }));
      secrets.set(email, secret);
      await page.getByLabel(FR_LOGIN.email).fill(email);
      await page.getByLabel(FR_LOGIN.password, { exact: true }).fill(USER_PASSWORD);
      await page.getByRole('button', { name: FR_LOGIN.submit }).click();
      const code = await see(page.getByLabel('Code de vérification'));
      expect(await code.getAttribute('inputmode')).toBe('numeric');
      expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
      await fitsWidth(page);
      await screenshot(page, 'mfa-03-code-step-phone');
      await code.fill(await nextCode(secret));
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await see(page.getByRole('heading', { name: 'Bonjour, Hélène Housing' }));
      await context.close();
    },
  );

  it('a Housing First worker enrols in Dutch, cannot use the app before, then signs in with a code', async () => {
    const email = uniqueEmail('werker.hf');
    await createUser({
      email,
      displayName: 'Hanne Huisvesting',
      role: 'worker',
      poles: ['housing_first'],
      password: USER_PASSWORD,
      locale: 'nl',
    });
    const { context, page } = await newPage(browser, { locale: 'nl-BE' });
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, email, USER_PASSWORD, NL_LOGIN);
    await see(page.getByRole('heading', { name: 'Verificatie in twee stappen', level: 1 }));
    await page.goto('/directory/people');
    await see(page.getByRole('heading', { name: 'Verificatie in twee stappen', level: 1 }));
    expect(new URL(page.url()).pathname).toBe('/enrol');

    await page.getByRole('button', { name: 'Beginnen' }).click();
    await see(page.getByRole('img', { name: 'QR-code om te scannen met de authenticatie-app' }));
    await page.getByText('Lukt scannen niet? De sleutel met de hand invoeren').click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('2. Code die de app toont').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Inschakelen' }).click();
    await see(page.getByText('Verificatie in twee stappen is ingeschakeld.'));
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await fitsWidth(page);
    await page.getByRole('button', { name: 'Ik heb mijn codes veilig bewaard, verder' }).click();
    await see(page.getByRole('heading', { name: 'Hallo, Hanne Huisvesting' }));
    await context.close();

    // Another day, another phone: the password, then the app's code.
    secrets.set(email, secret);
    const next = await newPage(browser, { locale: 'nl-BE' });
    await signIn(next.page, email, USER_PASSWORD, NL_LOGIN);
    await see(next.page.getByRole('heading', { name: 'Hallo, Hanne Huisvesting' }));
    await next.context.close();
  });

  it('a Support coordinator signs in in Dutch with a recovery code instead', async () => {
    const email = uniqueEmail('coordinator.support');
    await createUser({
      email,
      displayName: 'Sofie Support',
      role: 'coordinator',
      poles: ['support'],
      password: USER_PASSWORD,
      locale: 'nl',
    });
    const { recoveryCodes } = await enrolSecondFactor(email, USER_PASSWORD);
    const { context, page } = await newPage(browser, { locale: 'nl-BE' });
    await page.goto('/login');
    await see(page.getByRole('heading', { name: NL_LOGIN.title }));
    await page.getByLabel(NL_LOGIN.email).fill(email);
    await page.getByLabel(NL_LOGIN.password, { exact: true }).fill(USER_PASSWORD);
    await page.getByRole('button', { name: NL_LOGIN.submit }).click();
    await see(page.getByLabel(NL_LOGIN.code));
    await page.getByRole('button', { name: 'Een herstelcode gebruiken' }).click();
    await page.getByLabel('Herstelcode').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: NL_LOGIN.verify }).click();
    await see(page.getByRole('heading', { name: 'Hallo, Sofie Support' }));
    await context.close();

    // Used once, the code opens nothing the second time.
    const again = await newPage(browser, { locale: 'nl-BE' });
    await again.page.goto('/login');
    await again.page.getByLabel(NL_LOGIN.email).fill(email);
    await again.page.getByLabel(NL_LOGIN.password, { exact: true }).fill(USER_PASSWORD);
    await again.page.getByRole('button', { name: NL_LOGIN.submit }).click();
    await again.page.getByRole('button', { name: 'Een herstelcode gebruiken' }).click();
    await again.page.getByLabel('Herstelcode').fill(recoveryCodes[0]!);
    await again.page.getByRole('button', { name: NL_LOGIN.verify }).click();
    await see(again.page.getByText('Deze code is niet geldig.', { exact: false }));
    await again.context.close();
  });

  it('an administrator resets a worker’s second factor after asking, and the worker enrols again', async () => {
    const email = uniqueEmail('worker.support');
    await createUser({
      email,
      displayName: 'Serge Support',
      role: 'worker',
      poles: ['support'],
      password: USER_PASSWORD,
    });
    await enrolSecondFactor(email, USER_PASSWORD);
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: email });
    await see(row.getByText('2 étapes', { exact: true }));
    await row
      .getByRole('button', { name: 'Réinitialiser la validation en deux étapes de Serge Support' })
      .click();
    const dialog = page.getByRole('dialog');
    await see(dialog.getByText('a perdu son téléphone', { exact: false }));
    await dialog.getByRole('button', { name: 'Réinitialiser la validation en deux étapes' }).click();
    await see(
      page.getByText('La validation en deux étapes de Serge Support a été réinitialisée', { exact: false }),
    );
    await see(row.getByText('Sans 2 étapes'));
    await context.close();

    // The password alone now leads to enrolment again.
    secrets.delete(email);
    const worker = await newPage(browser);
    await signIn(worker.page, email, USER_PASSWORD);
    await see(worker.page.getByRole('heading', { name: 'Validation en deux étapes', level: 1 }));
    await see(worker.page.getByRole('button', { name: 'Commencer' }));
    await worker.context.close();
  });

  it('a session ended elsewhere sends the person back to sign-in, saying why', async () => {
    const email = uniqueEmail('worker.connect');
    const user = await createUser({
      email,
      displayName: 'Chloé Connect',
      role: 'worker',
      poles: ['connect'],
      password: USER_PASSWORD,
    });
    const { context, page } = await newPage(browser);
    await signIn(page, email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: 'Bonjour, Chloé Connect' }));
    await endSessions(user.id);

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Répertoire' })
      .click();
    await see(page.getByRole('heading', { name: 'Se connecter' }));
    await see(page.getByText('Votre session a expiré. Reconnectez-vous.'));
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });
});
