import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Session } from '@smes/shared';
import {
  createCycle,
  createGroup,
  createOrganisation,
  createPerson,
  createPoleUser,
  createSession,
  findPeople,
  getGroupDetail,
  getOrganisation,
  getPerson,
  USER_PASSWORD,
} from './support/api';
import { FR_LOGIN, launchBrowser, newPage, screenshot, see, signIn } from './support/browser';

const NL_LOGIN = { title: 'Aanmelden', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden' };

interface Labels {
  login?: typeof NL_LOGIN;
  editTitle: (name: string) => string;
  nameFr: string;
  phone: string;
  save: string;
  conflict: string;
  mine: string;
  theirs: string;
  keepMine: string;
  takeTheirs: string;
}

const FR: Labels = {
  editTitle: (name) => `Modifier ${name}`,
  nameFr: 'Nom en français',
  phone: 'Téléphone',
  save: 'Enregistrer',
  conflict: "Modifié par quelqu'un d'autre entre-temps",
  mine: 'Votre valeur',
  theirs: 'Valeur enregistrée',
  keepMine: 'Garder ma version',
  takeTheirs: 'Reprendre la valeur enregistrée',
};

const NL: Labels = {
  login: NL_LOGIN,
  editTitle: (name) => `${name} wijzigen`,
  nameFr: 'Naam in het Frans',
  phone: 'Telefoon',
  save: 'Opslaan',
  conflict: 'Intussen door iemand anders gewijzigd',
  mine: 'Uw waarde',
  theirs: 'Opgeslagen waarde',
  keepMine: 'Mijn versie behouden',
  takeTheirs: 'Opgeslagen waarde overnemen',
};

/**
 * Two people, each in a browser of their own, with one record's edit form open: at `path`, or
 * at `path` then its edit button (`open`).
 */
async function twoEditors(
  browser: Browser,
  path: string,
  formName: string,
  labels: { login?: typeof NL_LOGIN },
  lang: 'fr' | 'nl',
  open?: string,
) {
  const pages: Page[] = [];
  for (const who of ['Alice Dewit', 'Bram Peeters']) {
    const user = await createPoleUser('coordinator', 'connect', `${who} ${lang}`, lang);
    const { page } = await newPage(browser, { locale: lang === 'nl' ? 'nl-BE' : 'fr-BE' });
    await signIn(page, user.email, USER_PASSWORD, labels.login ?? FR_LOGIN);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(path);
    if (open) await page.getByRole('button', { name: open }).click();
    await see(page.getByRole('form', { name: formName }));
    pages.push(page);
  }
  return pages as [Page, Page];
}

const form = (page: Page, labels: Labels, name: string) =>
  page.getByRole('form', { name: labels.editTitle(name) });

describe.each([
  ['fr', FR],
  ['nl', NL],
] as const)('two people editing one organisation (%s)', (lang, labels) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('different fields: the second save is resent by itself and both changes land', async () => {
    const name = `Asbl Deux Mains ${lang}`;
    const org = await createOrganisation({ nameFr: name });
    const [alice, bram] = await twoEditors(
      browser,
      `/directory/organisations/${org.id}/edit`,
      labels.editTitle(name),
      labels,
      lang,
    );

    await form(alice, labels, name).getByLabel(labels.phone, { exact: true }).fill('02 511 11 11');
    await form(bram, labels, name).getByLabel(labels.nameFr, { exact: true }).fill(`${name} bis`);
    await form(alice, labels, name).getByRole('button', { name: labels.save }).click();
    await alice.waitForURL(`**/directory/organisations/${org.id}`);
    await form(bram, labels, name).getByRole('button', { name: labels.save }).click();
    await bram.waitForURL(`**/directory/organisations/${org.id}`);

    const now = await getOrganisation(org.id);
    expect({ nameFr: now.nameFr, phone: now.phone }).toEqual({
      nameFr: `${name} bis`,
      phone: '02 511 11 11',
    });
  });

  it('the same field: the second is shown both values, keeps theirs or takes the saved one', async () => {
    const name = `Asbl Même Champ ${lang}`;
    const org = await createOrganisation({ nameFr: name, phone: '02 500 00 00' });
    const [alice, bram] = await twoEditors(
      browser,
      `/directory/organisations/${org.id}/edit`,
      labels.editTitle(name),
      labels,
      lang,
    );
    // On a phone: the comparison must fit 360 px.
    await bram.setViewportSize({ width: 360, height: 740 });

    await form(alice, labels, name).getByLabel(labels.phone, { exact: true }).fill('02 522 22 22');
    await form(bram, labels, name).getByLabel(labels.phone, { exact: true }).fill('02 533 33 33');
    await form(bram, labels, name).getByLabel(labels.nameFr, { exact: true }).fill(`${name} renommée`);
    await form(alice, labels, name).getByRole('button', { name: labels.save }).click();
    await alice.waitForURL(`**/directory/organisations/${org.id}`);
    await form(bram, labels, name).getByRole('button', { name: labels.save }).click();

    const conflict = await see(bram.getByRole('alert').filter({ hasText: labels.conflict }));
    await see(conflict.getByText(labels.phone, { exact: true }));
    // Both values, each said as whose it is.
    expect(await conflict.locator('dd').allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^${labels.mine}\\s*:?\\s*02 533 33 33$`)),
      expect.stringMatching(new RegExp(`^${labels.theirs}\\s*:?\\s*02 522 22 22$`)),
    ]);
    // Only the phone is in conflict: the name changed on one side only.
    expect(await conflict.getByText(labels.nameFr, { exact: true }).count()).toBe(0);
    const scrollWidth = await bram.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await screenshot(bram, `80-edit-conflict-${lang}`);
    // Nothing of Bram's edit landed yet.
    expect((await getOrganisation(org.id)).phone).toBe('02 522 22 22');

    if (lang === 'fr') {
      await conflict.getByRole('button', { name: labels.keepMine }).click();
      await bram.waitForURL(`**/directory/organisations/${org.id}`);
      const now = await getOrganisation(org.id);
      expect({ nameFr: now.nameFr, phone: now.phone }).toEqual({
        nameFr: `${name} renommée`,
        phone: '02 533 33 33',
      });
    } else {
      await conflict.getByRole('button', { name: labels.takeTheirs }).click();
      await bram.waitForURL(`**/directory/organisations/${org.id}`);
      const now = await getOrganisation(org.id);
      // The saved phone stays; Bram's other change (the name) still lands.
      expect({ nameFr: now.nameFr, phone: now.phone }).toEqual({
        nameFr: `${name} renommée`,
        phone: '02 522 22 22',
      });
    }
  });
});

/** The conflict panel's values, each said as whose it is. */
const bothValues = (labels: Labels, mine: string, theirs: string) => [
  expect.stringMatching(new RegExp(`^${labels.mine}\\s*:?\\s*${mine}$`)),
  expect.stringMatching(new RegExp(`^${labels.theirs}\\s*:?\\s*${theirs}$`)),
];

describe('two people editing one person (fr)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = async (person: Person) => {
    const title = `Modifier ${person.firstName} ${person.lastName}`;
    const pages = await twoEditors(browser, `/directory/people/${person.id}/edit`, title, FR, 'fr');
    const editor = (page: Page) => ({ page, form: page.getByRole('form', { name: title }) });
    return [editor(pages[0]), editor(pages[1])] as const;
  };

  it('different fields: both land, the second without a word', async () => {
    const person = await createPerson({ firstName: 'Coralie', lastName: 'Deuxchamps' });
    const [alice, bram] = await open(person);

    await alice.form.getByLabel('Téléphone', { exact: true }).fill('02 511 11 11');
    await bram.form.getByLabel('Adresse e-mail', { exact: true }).fill('coralie@deuxchamps.example');
    await alice.form.getByRole('button', { name: 'Enregistrer' }).click();
    await alice.page.waitForURL(`**/directory/people/${person.id}`);
    await bram.form.getByRole('button', { name: 'Enregistrer' }).click();
    await bram.page.waitForURL(`**/directory/people/${person.id}`);

    const now = await getPerson(person.id);
    expect({ phone: now.phone, email: now.email }).toEqual({
      phone: '02 511 11 11',
      email: 'coralie@deuxchamps.example',
    });
  });

  it('the same field: the second sees both values, keeps theirs, and it lands', async () => {
    const person = await createPerson({ firstName: 'Coralie', lastName: 'Memechamp', phone: '02 500 00 00' });
    const [alice, bram] = await open(person);

    await alice.form.getByLabel('Téléphone', { exact: true }).fill('02 522 22 22');
    await bram.form.getByLabel('Téléphone', { exact: true }).fill('02 533 33 33');
    await bram.form.getByLabel('Remarques', { exact: true }).fill('Rappeler lundi');
    await alice.form.getByRole('button', { name: 'Enregistrer' }).click();
    await alice.page.waitForURL(`**/directory/people/${person.id}`);
    await bram.form.getByRole('button', { name: 'Enregistrer' }).click();

    const conflict = await see(bram.form.getByRole('alert').filter({ hasText: FR.conflict }));
    await see(conflict.getByText('Téléphone', { exact: true }));
    expect(await conflict.locator('dd').allInnerTexts()).toEqual(
      bothValues(FR, '02 533 33 33', '02 522 22 22'),
    );
    expect(await conflict.getByText('Remarques', { exact: true }).count()).toBe(0);
    expect((await getPerson(person.id)).phone).toBe('02 522 22 22');

    await conflict.getByRole('button', { name: FR.keepMine }).click();
    await bram.page.waitForURL(`**/directory/people/${person.id}`);
    const now = await getPerson(person.id);
    expect({ phone: now.phone, notes: now.notes }).toEqual({
      phone: '02 533 33 33',
      notes: 'Rappeler lundi',
    });
  });
});

describe('two people editing one intervision group (nl)', () => {
  let browser: Browser;
  let cycleId: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    cycleId = (
      await createCycle({ name: 'Cyclus twee redacteurs', startsOn: '2040-09-01', endsOn: '2041-06-30' })
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = async (name: string) => {
    const group = await createGroup({
      cycleId,
      name,
      kind: 'intersectoral',
      language: 'nl',
      weekday: 2,
      startTime: '09:30',
      endTime: '12:30',
      capacity: 8,
      facilitatorIds: [],
    });
    const title = `Groep ${name} wijzigen`;
    const pages = await twoEditors(
      browser,
      `/intervision/groups/${group.id}`,
      title,
      NL,
      'nl',
      'Groep wijzigen',
    );
    const editor = (page: Page) => ({ page, form: page.getByRole('form', { name: title }) });
    const editors = [editor(pages[0]), editor(pages[1])] as const;
    const save = async (editor: (typeof editors)[number]) => {
      await editor.form.getByRole('button', { name: 'Opslaan' }).click();
    };
    const saved = async (editor: (typeof editors)[number]) => {
      await see(editor.page.getByText(`De groep ${name} is opgeslagen.`));
    };
    return { group, editors, save, saved };
  };

  it('different fields: both land, the second without a word', async () => {
    const { group, editors, save, saved } = await open('Groep Twee Velden');
    const [alice, bram] = editors;

    await alice.form.getByLabel('Aantal plaatsen', { exact: true }).fill('9');
    await bram.form.getByLabel('Beginuur', { exact: true }).fill('10:00');
    await save(alice);
    await saved(alice);
    await save(bram);
    await saved(bram);

    const now = (await getGroupDetail(group.id)).group;
    expect({ capacity: now.capacity, startTime: now.startTime }).toEqual({ capacity: 9, startTime: '10:00' });
  });

  it('the same field: the second sees both values, keeps theirs, and it lands', async () => {
    const { group, editors, save, saved } = await open('Groep Zelfde Veld');
    const [alice, bram] = editors;

    await alice.form.getByLabel('Aantal plaatsen', { exact: true }).fill('9');
    await bram.form.getByLabel('Aantal plaatsen', { exact: true }).fill('12');
    await save(alice);
    await saved(alice);
    await save(bram);

    const conflict = await see(bram.form.getByRole('alert').filter({ hasText: NL.conflict }));
    await see(conflict.getByText('Aantal plaatsen', { exact: true }));
    expect(await conflict.locator('dd').allInnerTexts()).toEqual(bothValues(NL, '12', '9'));
    expect((await getGroupDetail(group.id)).group.capacity).toBe(9);

    await conflict.getByRole('button', { name: NL.keepMine }).click();
    await saved(bram);
    expect((await getGroupDetail(group.id)).group.capacity).toBe(12);
  });
});

describe("two people changing one session's host in the sessions table (fr)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'the second sees both hosts in place, takes the saved one, then keeps their own',
    { timeout: 120_000 },
    async () => {
      const hosts = ['Asbl Hôte Aubépine', 'Asbl Hôte Bruyère', 'Asbl Hôte Cornouiller'];
      const [aubepine, bruyere, cornouiller] = await Promise.all(
        hosts.map((nameFr) => createOrganisation({ nameFr })),
      );
      const cycle = await createCycle({
        name: 'Cycle hôtes en ligne',
        startsOn: '2040-09-01',
        endsOn: '2041-06-30',
      });
      const group = await createGroup({
        cycleId: cycle.id,
        name: 'Groupe des hôtes du mardi',
        kind: 'intersectoral',
        language: 'fr',
        weekday: 2,
        startTime: '09:30',
        endTime: '12:30',
        facilitatorIds: [],
      });
      // A session per host, the first host twice: each host stays offered in every session's list.
      const sessions: Session[] = [];
      for (const [startsOn, host] of [
        ['2040-10-09', aubepine!],
        ['2040-10-16', bruyere!],
        ['2040-10-23', cornouiller!],
        ['2040-10-30', aubepine!],
      ] as const) {
        sessions.push(await createSession({ groupId: group.id, startsOn, hostOrganisationId: host.id }));
      }
      const hostNow = async () =>
        (await getGroupDetail(group.id)).sessions.find((x) => x.id === sessions[0]!.id)?.host?.nameFr;

      const pages: Page[] = [];
      for (const who of ['Alice Hôte', 'Bram Hôte']) {
        const user = await createPoleUser('coordinator', 'connect', who, 'fr');
        const { page } = await newPage(browser);
        await signIn(page, user.email, USER_PASSWORD, FR_LOGIN);
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        await page.goto(`/intervision/groups/${group.id}`);
        await see(page.getByTestId('sessions-table'));
        pages.push(page);
      }
      const [alice, bram] = pages as [Page, Page];
      const hostOf = (page: Page) => page.getByLabel('Organisation hôte de la séance du 09/10/2040');
      const shownHost = (page: Page) => hostOf(page).locator('option:checked').textContent();
      const saved = (page: Page) => see(page.getByText("L'hôte de la séance du 09/10/2040 est enregistré."));
      expect(await shownHost(alice)).toBe(hosts[0]);

      // Bram changes the first session's host first; Alice, on the page loaded before, chooses another.
      await hostOf(bram).selectOption({ label: hosts[1]! });
      await saved(bram);
      expect(await hostNow()).toBe(hosts[1]);
      await hostOf(alice).selectOption({ label: hosts[2]! });

      // Shown in place, under the table: the field, her value and the one saved, by name.
      let conflict = await see(alice.getByRole('alert').filter({ hasText: FR.conflict }));
      await see(conflict.getByText('Organisation hôte', { exact: true }));
      expect(await conflict.locator('dd').allInnerTexts()).toEqual(bothValues(FR, hosts[2]!, hosts[1]!));
      expect(await hostNow()).toBe(hosts[1]);
      await screenshot(alice, 'versions-session-host-conflict-fr');

      // Taking the saved one: nothing is sent, the table shows Bram's host, the panel is gone.
      await conflict.getByRole('button', { name: FR.takeTheirs }).click();
      await expect.poll(() => shownHost(alice), { timeout: 10_000 }).toBe(hosts[1]);
      expect(await alice.getByRole('alert').filter({ hasText: FR.conflict }).count()).toBe(0);
      expect(await hostNow()).toBe(hosts[1]);

      // Again, Bram first (back to the first host); this time Alice keeps her own, and it lands.
      await hostOf(bram).selectOption({ label: hosts[0]! });
      await expect.poll(hostNow, { timeout: 10_000 }).toBe(hosts[0]);
      await hostOf(alice).selectOption({ label: hosts[2]! });
      conflict = await see(alice.getByRole('alert').filter({ hasText: FR.conflict }));
      expect(await conflict.locator('dd').allInnerTexts()).toEqual(bothValues(FR, hosts[2]!, hosts[0]!));
      await conflict.getByRole('button', { name: FR.keepMine }).click();
      // Landed: read from the API (the message of the first round may still be on her page).
      await expect.poll(hostNow, { timeout: 10_000 }).toBe(hosts[2]);
      await saved(alice);
      await expect.poll(() => shownHost(alice), { timeout: 10_000 }).toBe(hosts[2]);
      expect(await alice.getByRole('alert').filter({ hasText: FR.conflict }).count()).toBe(0);
    },
  );
});

describe('a create sent twice makes one record', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a resend after the answer was lost, and a double submit, each make one person', async () => {
    const user = await createPoleUser('coordinator', 'connect', 'Alice Dewit creates');
    const { page } = await newPage(browser);
    await signIn(page, user.email, USER_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // The first answer never reaches the browser (a timeout): the person was made all the same.
    let lost = false;
    await page.route('**/api/people', async (route) => {
      if (route.request().method() !== 'POST' || lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('timedout');
    });
    await page.goto('/directory/people/new');
    const form = page.getByRole('form', { name: 'Nouvelle personne' });
    await form.getByLabel('Prénom', { exact: true }).fill('Maxence');
    await form.getByLabel('Nom', { exact: true }).fill('Renvoyé');
    await form.getByRole('button', { name: 'Créer la fiche' }).click();
    await see(form.getByRole('alert'));
    expect(await findPeople('Renvoyé')).toHaveLength(1);
    await form.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/directory\/people\/[0-9a-f-]{36}$/);
    const made = await findPeople('Renvoyé');
    expect(made.map((p) => p.id)).toEqual([page.url().split('/').at(-1)]);

    // Another device (another browser profile): no draft of the first form there.
    const { page: other } = await newPage(browser);
    await signIn(other, user.email, USER_PASSWORD);
    await other.waitForURL((url) => !url.pathname.startsWith('/login'));
    await other.goto('/directory/people/new');
    const second = other.getByRole('form', { name: 'Nouvelle personne' });
    await second.getByLabel('Prénom', { exact: true }).fill('Maxence');
    await second.getByLabel('Nom', { exact: true }).fill('Doubleclic');
    // Two submits before the page can disable its button (a double click's second click may
    // otherwise land on the page that follows): two requests, one id.
    const sent: string[] = [];
    const answered: number[] = [];
    other.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/people')) sent.push(r.postData() ?? '');
    });
    other.on('response', (r) => {
      const q = r.request();
      if (q.method() === 'POST' && q.url().endsWith('/api/people')) answered.push(r.status());
    });
    await second.evaluate((f: HTMLFormElement) => {
      f.requestSubmit();
      f.requestSubmit();
    });
    await other.waitForURL(/\/directory\/people\/[0-9a-f-]{36}$/);
    // Both answered before counting: a second person written late would be counted.
    await expect.poll(() => answered.length, { timeout: 10_000 }).toBe(2);
    expect(answered.every((status) => status === 200 || status === 201)).toBe(true);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((body) => (JSON.parse(body) as { id: string }).id)).size).toBe(1);
    const doubled = await findPeople('Doubleclic');
    expect(doubled.map((p) => p.id)).toEqual([other.url().split('/').at(-1)]);
  });
});
