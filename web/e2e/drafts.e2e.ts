/**
 * Drafts of open forms (decision 17): what is typed survives the session ending, is kept
 * encrypted, and is wiped at sign-out or when another user signs in. Several steps and two sign-ins
 * per test: a generous timeout on a loaded machine.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createCycle,
  createGroup,
  createOrganisation,
  createPerson,
  createUser,
  endSessions,
  erasePerson,
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { FR_LOGIN, launchBrowser, newPhonePage, NL_LOGIN, screenshot, see } from './support/browser';
import type { LoginLabels } from './support/browser';

/** What the SPA's drafts database holds, read in the page (as web/src/lib/drafts/store.ts lays it out). */
interface StoredDrafts {
  drafts: { id: string; bytes: number[] }[];
  keys: { userId: string; type: string; extractable: boolean; algorithm: string }[];
}

async function storedDrafts(page: Page): Promise<StoredDrafts> {
  return page.evaluate(
    () =>
      new Promise<StoredDrafts>((resolve, reject) => {
        const open = indexedDB.open('smes-drafts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) {
            db.close();
            resolve({ drafts: [], keys: [] });
            return;
          }
          const tx = db.transaction(['drafts', 'keys'], 'readonly');
          const drafts = tx.objectStore('drafts').getAll();
          const keys = tx.objectStore('keys').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              drafts: (drafts.result as { id: string; iv: Uint8Array; data: ArrayBuffer }[]).map((d) => ({
                id: d.id,
                bytes: [...d.iv, ...new Uint8Array(d.data)],
              })),
              keys: (keys.result as { userId: string; key: CryptoKey }[]).map((k) => ({
                userId: k.userId,
                type: k.key.type,
                extractable: k.key.extractable,
                algorithm: k.key.algorithm.name,
              })),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

interface Wording {
  locale: 'fr' | 'nl';
  browserLocale: string;
  login: LoginLabels;
  expired: string;
  menu: string;
  home: string;
  newOrganisation: string;
  nameFr: string;
  notes: string;
  submit: string;
  restored: string;
  discard: string;
  leaveTitle: string;
  stay: string;
  signOut: string;
}

const WORDING: Wording[] = [
  {
    locale: 'fr',
    browserLocale: 'fr-BE',
    login: FR_LOGIN,
    expired: 'Votre session a expiré. Reconnectez-vous.',
    menu: 'Menu',
    home: 'Accueil',
    newOrganisation: 'Nouvelle organisation',
    nameFr: 'Nom en français',
    notes: 'Remarques',
    submit: "Créer l'organisation",
    restored: 'Brouillon restauré',
    discard: 'Effacer le brouillon',
    leaveTitle: 'Quitter sans enregistrer ?',
    stay: 'Rester sur la page',
    signOut: 'Se déconnecter',
  },
  {
    locale: 'nl',
    browserLocale: 'nl-BE',
    login: NL_LOGIN,
    expired: 'Uw sessie is verlopen. Meld u opnieuw aan.',
    menu: 'Menu',
    home: 'Startpagina',
    newOrganisation: 'Nieuwe organisatie',
    nameFr: 'Naam in het Frans',
    notes: 'Opmerkingen',
    submit: 'Organisatie aanmaken',
    restored: 'Concept hersteld',
    discard: 'Concept wissen',
    leaveTitle: 'Weggaan zonder op te slaan?',
    stay: 'Op de pagina blijven',
    signOut: 'Afmelden',
  },
];

/** Signs in on the sign-in page the app is showing (keeping where it was going). */
async function signInHere(page: Page, labels: LoginLabels, email: string) {
  await see(page.getByRole('heading', { name: labels.title, level: 1 }));
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(USER_PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
}

describe('drafts: typed work survives the session ending', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const w of WORDING) {
    it(
      `${w.locale}: on a phone, a half-typed organisation comes back after signing in again, encrypted, and is wiped at sign-out`,
      { timeout: 120_000 },
      async () => {
        const email = uniqueEmail(`drafts.${w.locale}`);
        const user = await createUser({
          email,
          displayName: w.locale === 'fr' ? 'Dora Brouillon' : 'Daan Concept',
          role: 'worker',
          poles: ['connect'],
          password: USER_PASSWORD,
          locale: w.locale,
        });
        const context = await browser.newContext({
          baseURL: inject('baseUrl'),
          locale: w.browserLocale,
          viewport: { width: 360, height: 740 },
          hasTouch: true,
          isMobile: true,
        });
        context.setDefaultTimeout(10_000);
        const page = await context.newPage();
        await page.goto('/login');
        await signInHere(page, w.login, email);
        await see(page.getByRole('button', { name: w.menu }));

        // In-app navigation to the form: focus lands on the new page's heading.
        await page.goto('/directory/organisations');
        await page.getByRole('link', { name: w.newOrganisation }).click();
        const heading = await see(page.getByRole('heading', { name: w.newOrganisation, level: 1 }));
        await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);

        const name = `Maison fictive ${w.locale} ${Date.now().toString(36)}`;
        const notes = `Remarque confidentielle fictive ${w.locale}`;
        const form = page.getByRole('form', { name: w.newOrganisation });
        await form.getByLabel(w.nameFr).fill(name);
        await form.getByLabel(w.notes).fill(notes);

        // Kept while typing, encrypted under a key no script can export.
        await expect.poll(async () => (await storedDrafts(page)).drafts.length).toBe(1);
        const stored = await storedDrafts(page);
        expect(stored.keys).toEqual([
          { userId: user.id, type: 'secret', extractable: false, algorithm: 'AES-GCM' },
        ]);
        const bytes = Buffer.from(stored.drafts[0]!.bytes);
        for (const typed of [name, notes, 'fictive']) {
          expect(bytes.includes(Buffer.from(typed, 'utf8'))).toBe(false);
          expect(bytes.includes(Buffer.from(typed, 'utf16le'))).toBe(false);
        }
        // Nothing of it in the web storages (which hold only the language chosen on this device).
        const webStorage = await page.evaluate(() =>
          [localStorage, sessionStorage].flatMap((s) => Object.entries(s).flat()).join('\n'),
        );
        expect(webStorage).not.toContain(name);
        expect(webStorage).not.toContain(notes);

        // Leaving through the menu asks first; staying keeps what was typed.
        await page.getByRole('button', { name: w.menu }).click();
        await page.getByRole('link', { name: w.home, exact: true }).click();
        const dialog = await see(page.getByRole('dialog', { name: w.leaveTitle }));
        await screenshot(page, `drafts-leave-${w.locale}`);
        await dialog.getByRole('button', { name: w.stay }).click();
        await see(form);
        expect(await form.getByLabel(w.nameFr).inputValue()).toBe(name);

        // The id the new record will have (decision 18), made when the form opened.
        const clientId = await form.locator('input[name="clientId"]').inputValue();
        expect(clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

        // The session is ended elsewhere (an administrator); saving finds it gone.
        await endSessions(user.id);
        await form.getByRole('button', { name: w.submit }).click();
        await see(page.getByText(w.expired));
        await signInHere(page, w.login, email);

        // Back on the form, with what was typed, said so.
        await see(page.getByRole('heading', { name: w.newOrganisation, level: 1 }));
        expect(new URL(page.url()).pathname).toBe('/directory/organisations/new');
        await see(page.getByText(w.restored));
        expect(await form.getByLabel(w.nameFr).inputValue()).toBe(name);
        expect(await form.getByLabel(w.notes).inputValue()).toBe(notes);
        // The same id too: had the first attempt reached the server, saving again makes no second.
        expect(await form.locator('input[name="clientId"]').inputValue()).toBe(clientId);
        await screenshot(page, `drafts-restored-${w.locale}`);

        if (w.locale === 'nl') {
          // Discarding empties the form and the store.
          await page.getByRole('button', { name: w.discard }).click();
          expect(await form.getByLabel(w.nameFr).inputValue()).toBe('');
          await expect.poll(async () => (await storedDrafts(page)).drafts.length).toBe(0);
          await form.getByLabel(w.notes).fill(notes);
          await expect.poll(async () => (await storedDrafts(page)).drafts.length).toBe(1);
        }

        // Signing out leaves nothing behind: no draft, no key.
        await page.getByRole('button', { name: w.menu }).click();
        await page.getByRole('button', { name: w.signOut }).click();
        await see(page.getByRole('heading', { name: w.login.title, level: 1 }));
        await expect.poll(() => storedDrafts(page)).toEqual({ drafts: [], keys: [] });
        await context.close();
      },
    );
  }

  it(
    'a form opened by a button opens again after signing in, with the organisation chosen in its search picker',
    { timeout: 120_000 },
    async () => {
      const email = uniqueEmail('drafts.picker');
      const user = await createUser({
        email,
        displayName: 'Paula Sélection',
        role: 'coordinator',
        poles: ['connect'],
        password: USER_PASSWORD,
        locale: 'fr',
      });
      const host = `Maison fictive de la Senne ${Date.now().toString(36)}`;
      await createOrganisation({ nameFr: host });
      const cycle = await createCycle({ name: '2044-2045', startsOn: '2044-09-01', endsOn: '2045-06-30' });
      const group = await createGroup({
        cycleId: cycle.id,
        name: 'Groupe brouillon du mardi',
        kind: 'intersectoral',
        language: 'fr',
        weekday: 2,
        startTime: '14:00',
        endTime: '17:00',
        facilitatorIds: [],
      });
      const { context, page } = await newPhonePage(browser);
      await page.goto(`/intervision/groups/${group.id}`);
      await signInHere(page, FR_LOGIN, email);

      // "Ajouter une séance" opens the form; a date and a host chosen by searching.
      await page.getByRole('button', { name: 'Ajouter une séance' }).click();
      const form = page.getByRole('form', { name: 'Ajouter une séance' });
      await form.getByLabel('Date de la séance').fill('2044-10-11');
      await form.getByLabel('Organisation hôte').fill(host.slice(0, 24));
      await form.getByRole('button', { name: host }).click();
      await see(form.getByRole('button', { name: `Changer : ${host} est choisi` }));
      // The choice is kept in the draft (encrypted, as the rest).
      await expect
        .poll(async () => {
          const stored = await storedDrafts(page);
          return stored.drafts.length === 1 ? stored.drafts[0]!.bytes.length : 0;
        })
        .toBeGreaterThan(120);
      const bytes = Buffer.from((await storedDrafts(page)).drafts[0]!.bytes);
      expect(bytes.includes(Buffer.from(host, 'utf8'))).toBe(false);

      // The session ends; saving finds it gone; signing in again comes back to the group.
      await endSessions(user.id);
      await form.getByRole('button', { name: 'Ajouter la séance' }).click();
      await see(page.getByText('Votre session a expiré. Reconnectez-vous.'));
      await signInHere(page, FR_LOGIN, email);

      // The form is open again without a click, with the date and the organisation chosen.
      await see(form);
      await see(form.getByText('Brouillon restauré'));
      expect(await form.getByLabel('Date de la séance').inputValue()).toBe('2044-10-11');
      await see(form.getByRole('button', { name: `Changer : ${host} est choisi` }));
      await screenshot(page, 'drafts-reopened-picker-fr');

      // Saving now adds the session with that host, and the form (and its draft) are gone.
      await form.getByRole('button', { name: 'Ajouter la séance' }).click();
      await see(page.getByText('La séance du 11/10/2044 a été ajoutée.'));
      await expect.poll(async () => (await storedDrafts(page)).drafts.length).toBe(0);
      expect(await page.getByRole('form', { name: 'Ajouter une séance' }).count()).toBe(0);
      const hostOf = page.getByLabel('Organisation hôte de la séance du 11/10/2044');
      expect(await hostOf.locator('option:checked').textContent()).toBe(host);
      await context.close();
    },
  );

  it(
    "a draft of a person's edit is dropped, saying so, when the person was erased meanwhile",
    { timeout: 120_000 },
    async () => {
      const email = uniqueEmail('drafts.erased');
      const user = await createUser({
        email,
        displayName: 'Hélène Brouillon',
        role: 'coordinator',
        poles: ['connect'],
        password: USER_PASSWORD,
        locale: 'fr',
      });
      const person = await createPerson({ firstName: 'Ysaline', lastName: 'Effaçable' });
      const { context, page } = await newPhonePage(browser);
      await page.goto(`/directory/people/${person.id}/edit`);
      await signInHere(page, FR_LOGIN, email);
      const form = page.getByRole('form', { name: 'Modifier Ysaline Effaçable' });
      await form.getByLabel('Remarques').fill('Rappeler Ysaline après la réunion');
      await expect.poll(async () => (await storedDrafts(page)).drafts.length).toBe(1);

      // The session ends with the draft kept; meanwhile the person is erased (art. 17).
      await endSessions(user.id);
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await see(page.getByText('Votre session a expiré. Reconnectez-vous.'));
      await erasePerson(person.id);
      await signInHere(page, FR_LOGIN, email);

      // Back on the edit page: no form to restore into, the draft dropped, and said so.
      await see(page.getByRole('heading', { name: 'Personne effacée', level: 1 }));
      await see(page.getByText("Cette personne a été effacée : il n'y a plus rien à modifier."));
      await see(
        page.getByText('Le brouillon gardé sur cet appareil pour cette fiche a été supprimé', {
          exact: false,
        }),
      );
      expect(await page.getByRole('form').count()).toBe(0);
      expect(await page.getByText('Brouillon restauré').count()).toBe(0);
      expect(await page.locator('main').textContent()).not.toContain('Rappeler Ysaline');
      await expect.poll(async () => (await storedDrafts(page)).drafts.length).toBe(0);
      await screenshot(page, 'drafts-erased-person-fr');
      await context.close();
    },
  );

  it(
    "another user signing in on the device wipes the previous user's drafts",
    { timeout: 120_000 },
    async () => {
      const [first, second] = await Promise.all(
        ['drafts.first', 'drafts.second'].map(async (prefix) => {
          const email = uniqueEmail(prefix);
          const user = await createUser({
            email,
            displayName: prefix === 'drafts.first' ? 'Fanny Fictive' : 'Sam Second',
            role: 'worker',
            poles: ['connect'],
            password: USER_PASSWORD,
            locale: 'fr',
          });
          return { email, user };
        }),
      );
      const { context, page } = await newPhonePage(browser);
      await page.goto('/directory/organisations/new');
      await signInHere(page, FR_LOGIN, first!.email);
      const form = page.getByRole('form', { name: 'Nouvelle organisation' });
      await form.getByLabel('Nom en français').fill('Asbl fictive de Fanny');
      await expect.poll(async () => (await storedDrafts(page)).drafts.length).toBe(1);

      // Fanny's session ends; Sam signs in on the same phone, on the same page.
      await endSessions(first!.user.id);
      await form.getByRole('button', { name: "Créer l'organisation" }).click();
      await see(page.getByText('Votre session a expiré. Reconnectez-vous.'));
      await signInHere(page, FR_LOGIN, second!.email);
      await see(page.getByRole('heading', { name: 'Nouvelle organisation', level: 1 }));
      expect(await form.getByLabel('Nom en français').inputValue()).toBe('');
      await expect
        .poll(async () => {
          const stored = await storedDrafts(page);
          return { drafts: stored.drafts.length, keys: stored.keys.map((k) => k.userId) };
        })
        .toEqual({ drafts: 0, keys: [second!.user.id] });
      expect(await page.getByText('Brouillon restauré').count()).toBe(0);
      await context.close();
    },
  );
});
