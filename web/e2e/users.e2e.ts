import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enrolSecondFactor, findUserByEmail, uniqueEmail, USER_PASSWORD } from './support/api';
import { launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

describe('administering users', () => {
  let browser: Browser;
  const worker = { email: uniqueEmail('travailleur'), name: 'Lucas Janssens' };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the admin create a Support worker, then shows the creation in the audit log', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Utilisateurs' }).click();
    await see(page.getByRole('heading', { name: 'Utilisateurs', level: 1 }));

    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const form = page.getByRole('form', { name: 'Créer un utilisateur' });
    await form.getByLabel('Adresse e-mail').fill(worker.email);
    await form.getByLabel('Nom', { exact: true }).fill(worker.name);
    await form.getByLabel('Rôle').selectOption({ label: 'Travailleur·euse' });
    await form.getByLabel('Mot de passe initial').fill('trop-court');

    // Refused first: a worker needs a pole and a longer password, said beside each field.
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await see(form.getByText('Choisissez au moins un pôle pour ce rôle.'));
    await see(form.getByText('Trop court.'));
    await screenshot(page, '05-users-create-errors');

    await form.getByRole('checkbox', { name: 'Support' }).check();
    await form.getByLabel('Mot de passe initial').fill(USER_PASSWORD);
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await see(page.getByText(`Le compte de ${worker.name} a été créé.`));

    // The list now shows the new account (filtered on its address), wherever it sorts among the others.
    await expect.poll(() => page.locator('#user-search').inputValue()).toBe(worker.email);
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: worker.email });
    await see(row);
    const cells = await row.locator('th, td').allTextContents();
    expect(cells.slice(0, 6)).toEqual([
      worker.name,
      worker.email,
      'Travailleur·euse',
      'Support',
      // Support accounts must enrol a second factor; this one has not signed in yet.
      'Actif Sans 2 étapes',
      'Jamais',
    ]);
    await screenshot(page, '06-users');

    const created = await findUserByEmail(worker.email);
    expect(created).toBeDefined();
    await nav.getByRole('link', { name: "Journal d'audit" }).click();
    await see(page.getByRole('heading', { name: "Journal d'audit", level: 1 }));
    // Records are named as the registry of record kinds names them, and filtered by those names.
    await page.getByLabel('Type de ressource').selectOption({ label: 'Utilisateur' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/resourceType=user/);
    await see(page.getByTestId('audit-table').getByRole('cell', { name: 'Utilisateur' }).first());
    // The admin's sign-in is in the trail, but not among the users' entries.
    await page
      .getByTestId('audit-table')
      .getByRole('cell', { name: 'Session de connexion' })
      .first()
      .waitFor({ state: 'detached' });
    const entry = page
      .getByTestId('audit-table')
      .getByRole('row')
      .filter({ hasText: created?.id ?? '?' })
      .filter({ hasText: 'Création' });
    await see(entry.first());
    expect(await entry.first().textContent()).toContain(inject('adminEmail'));
    await screenshot(page, '07-audit');
    await context.close();
  });

  it('gives that worker no Users link, and the 403 page on /admin/users', async () => {
    // A Support worker enrols a second factor first (the enrolment has its own browser test).
    await enrolSecondFactor(worker.email, USER_PASSWORD);
    const { context, page } = await newPage(browser);
    await signIn(page, worker.email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: `Bonjour, ${worker.name}` }));
    // The home page has the Support requests to answer (other files may have taken some).
    const support = page.getByTestId('home-support');
    await see(support.getByRole('heading', { name: 'Support : demandes à répondre' }));

    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Accueil',
      'Répertoire',
      'Rapports',
      "Demandes d'intervention",
      'Supervisions',
      'Formations',
      'Mon compte',
    ]);
    await screenshot(page, '08-home-worker');

    await page.goto('/admin/users');
    await see(page.getByRole('heading', { name: 'Accès refusé' }));
    expect(await page.getByTestId('users-table').count()).toBe(0);
    await screenshot(page, '09-forbidden');

    await page.goto('/nulle-part');
    await see(page.getByRole('heading', { name: 'Page introuvable' }));
    await context.close();
  });

  it('asks before ending that worker’s sessions, and ends them only once confirmed', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, inject('adminEmail'), inject('adminPassword'));
    await see(page.getByRole('heading', { name: /^Bonjour/ }));
    // Filtered by the worker's address: other test files' users fill the first page.
    await page.goto(`/admin/users?q=${encodeURIComponent(worker.email)}`);
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: worker.email });
    await row.getByRole('button', { name: `Terminer les sessions de ${worker.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Terminer les sessions de ${worker.name}` });
    await see(dialog.getByText(`${worker.name} sera déconnecté·e sur tous ses appareils`, { exact: false }));
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByText(/a été terminée|ont été terminées/).count()).toBe(0);

    await row.getByRole('button', { name: `Terminer les sessions de ${worker.name}` }).click();
    await dialog.getByRole('button', { name: 'Terminer les sessions' }).click();
    await see(page.getByText(`1 session de ${worker.name} a été terminée.`));
    await context.close();
  });
});
