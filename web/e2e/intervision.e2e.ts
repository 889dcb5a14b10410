import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCycle,
  createGroup,
  createMembership,
  createOrganisation,
  createPerson,
  createPoleUser,
  createRegistration,
  createSession,
  getGroupDetail,
  referenceId,
  setAttendance,
  uniqueEmail,
  updateSession,
  USER_PASSWORD,
} from './support/api';
import {
  cells,
  FR_LOGIN,
  launchBrowser,
  newPage,
  NL_LOGIN,
  pick,
  screenshot,
  see,
  signIn,
} from './support/browser';
import { translator, type Language } from './support/locale';

const NBSP = '\u00a0';

/**
 * The coordinator's intervision season, written once and run in French and in Dutch: every
 * label is read from the SPA's locale files (support/locale.ts); what differs per language is
 * only the fictional data, how amounts, shares and hours are written, and the words of the other
 * language that must not show (a string gone missing falls back to French, or was written in the
 * code). Names are unique to this file (the e2e files share one database).
 */
interface Season {
  language: Language;
  login: typeof FR_LOGIN;
  coordinator: string;
  cycle: string;
  group: string;
  memberOrg: string;
  otherOrg: string;
  facilitatorOrg: string;
  facilitators: [first: string, last: string, search: string][];
  /** The member's worker, their colleague (refused), the other organisation's worker. */
  participants: [first: string, last: string, search: string][];
  thursday: string;
  hours: string;
  strike: string;
  euros: (amount: string) => string;
  share: (percent: number) => string;
  /** Sector names as the directory's reference list gives them in this language. */
  sectors: { general: string; homeless: string };
  otherLanguage: string[];
  screenshots: [cycle: string, group: string, figures: string];
}

const SEASONS: Season[] = [
  {
    language: 'fr',
    login: FR_LOGIN,
    coordinator: 'Chloé Connect',
    cycle: '2032-2033 FR',
    group: 'Groupe francophone Néflier',
    memberOrg: 'Maison Néflier',
    otherOrg: 'Le Cormier',
    facilitatorOrg: 'Centre Alisier',
    facilitators: [
      ['Maëlle', 'Fontaine', 'fontaine'],
      ['Hugo', 'Renard', 'renard'],
    ],
    participants: [
      ['Zoé', 'Lemaire', 'lemaire'],
      ['Nicolas', 'Gillet', 'gillet'],
      ['Yasmine', 'Haddad', 'haddad'],
    ],
    thursday: 'jeudi',
    hours: '14h–17h',
    strike: 'Grève des transports en commun',
    euros: (amount) => `${amount}${NBSP}€`,
    share: (percent) => `${percent}${NBSP}%`,
    sectors: { general: 'Aide sociale générale (CPAS, aide à domicile)', homeless: 'Aide aux sans-abri' },
    otherLanguage: [
      'sessie',
      'Sessie',
      'nschrij',
      'Groep',
      'Deelnemer',
      'Cijfers',
      'Bijdrage',
      'Terug',
      'donderdag',
    ],
    screenshots: ['40-intervision-cycle', '41-intervision-group', '42-intervision-figures'],
  },
  {
    language: 'nl',
    login: NL_LOGIN,
    coordinator: 'Els Coppens',
    cycle: '2032-2033 NL',
    group: 'Nederlandstalige groep Linde',
    memberOrg: 'Huis Linde',
    otherOrg: 'De Meidoorn',
    facilitatorOrg: 'Centrum De Wilg',
    facilitators: [
      ['Hanne', 'Desmet', 'desmet'],
      ['Koen', 'Jacobs', 'jacobs'],
    ],
    participants: [
      ['Griet', 'Van Acker', 'acker'],
      ['Bram', 'Goossens', 'goossens'],
      ['Ilse', 'Verstraete', 'verstraete'],
    ],
    thursday: 'donderdag',
    hours: '14u–17u',
    strike: 'Staking bij het openbaar vervoer',
    // nl-BE puts the euro sign first.
    euros: (amount) => `€${NBSP}${amount}`,
    share: (percent) => `${percent}%`,
    sectors: { general: 'Algemeen welzijnswerk (OCMW, thuiszorg)', homeless: 'Thuislozenzorg' },
    otherLanguage: [
      'séance',
      'Séance',
      'nscri',
      'otisation',
      'Groupe',
      'Participant',
      'Chiffres',
      'Tarif membre',
      'non-membre',
      'Enregistrer',
      'Retour',
      'Planifier',
      'Présences',
      'Facturé',
      'Nouveau',
      'jeudi',
    ],
    screenshots: ['46-intervision-nl-cycle', '47-intervision-nl-group', '48-intervision-nl-figures'],
  },
];

describe.each(SEASONS)('intervision in $language', (season) => {
  const t = translator(season.language);
  const { euros, cycle: CYCLE, group: GROUP, memberOrg: MEMBER_ORG, otherOrg: OTHER_ORG } = season;
  const [first, colleague, other] = season.participants.map(([f, l]) => `${f} ${l}`) as [
    string,
    string,
    string,
  ];
  const [facilitator1, facilitator2] = season.facilitators.map(([f, l]) => `${f} ${l}`) as [string, string];
  let browser: Browser;
  let coordinator: { email: string; name: string };

  /** Nothing of the other language on the page, nor its way of writing amounts. */
  async function expectOneLanguage(page: Page) {
    const text = await page.locator('main').innerText();
    expect(season.otherLanguage.filter((word) => text.includes(word))).toEqual([]);
    expect(text).not.toMatch(season.language === 'nl' ? /\d,\d\d\s€/ : /€\s\d/);
  }

  /** Registers through the form, on the registration date given. */
  async function register(page: Page, search: string, name: string, registeredOn: string) {
    await page.getByRole('button', { name: t('intervision:registrations.add.open') }).click();
    const form = page.getByRole('form', { name: t('intervision:registrations.add.title') });
    await pick(form, t('intervision:registrations.add.person'), search, name);
    await form.getByLabel(t('intervision:registrations.add.registeredOn')).fill(registeredOn);
    await form.getByRole('button', { name: t('intervision:registrations.add.submit'), exact: true }).click();
    return form;
  }

  const summary = (page: Page, testId: string) => page.getByTestId(testId).locator('summary').textContent();

  beforeAll(async () => {
    browser = await launchBrowser();
    const [mentalHealth, homeless, general] = await Promise.all([
      referenceId('sector', 'mental_health'),
      referenceId('sector', 'homeless'),
      referenceId('sector', 'general_social'),
    ]);
    const name = (n: string) => (season.language === 'nl' ? { nameNl: n } : { nameFr: n });
    const [member, otherOrg, facilitatorOrg] = await Promise.all([
      createOrganisation({ ...name(MEMBER_ORG), sectorIds: [general] }),
      createOrganisation({ ...name(OTHER_ORG), sectorIds: [homeless] }),
      createOrganisation({ ...name(season.facilitatorOrg), sectorIds: [mentalHealth] }),
    ]);
    await createMembership({ organisationId: member.id, startsOn: '2020-01-01' });
    // The other organisation joins only in October 2032: not a member yet when its worker registers.
    await createMembership({ organisationId: otherOrg.id, startsOn: '2032-10-01' });
    const person = ([firstName, lastName]: [string, string, string], organisationId: string) =>
      createPerson({
        firstName,
        lastName,
        email: uniqueEmail(lastName.toLowerCase().replace(/\s/g, '')),
        affiliations: [{ organisationId }],
      });
    await Promise.all([
      person(season.facilitators[0]!, facilitatorOrg.id),
      person(season.facilitators[1]!, member.id),
      person(season.participants[0]!, member.id),
      person(season.participants[1]!, member.id),
      person(season.participants[2]!, otherOrg.id),
    ]);
    coordinator = await createPoleUser('coordinator', 'connect', season.coordinator, season.language);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the coordinator set up a cycle, plan a group, register, cancel and read the figures', async () => {
    const { context, page } = await newPage(browser, { locale: `${season.language}-BE` });
    await signIn(page, coordinator.email, USER_PASSWORD, season.login);
    await see(page.getByRole('heading', { name: t('home:title', { name: season.coordinator }) }));
    expect(await page.locator('html').getAttribute('lang')).toBe(season.language);
    const nav = page.getByRole('navigation', { name: t('common:nav.label') });
    await nav.getByRole('link', { name: t('common:nav.intervision') }).click();
    await see(page.getByRole('heading', { name: t('intervision:cycles.title'), level: 1 }));

    // The cycle, fees prefilled at €120 / €150.
    await page.getByRole('button', { name: t('intervision:cycles.add.open') }).click();
    const cycleForm = page.getByRole('form', { name: t('intervision:cycles.add.title') });
    expect(await cycleForm.getByLabel(t('intervision:cycles.add.memberFee')).inputValue()).toBe('120,00');
    expect(await cycleForm.getByLabel(t('intervision:cycles.add.nonMemberFee')).inputValue()).toBe('150,00');
    await cycleForm.getByLabel(t('intervision:cycles.add.name')).fill(CYCLE);
    await cycleForm.getByLabel(t('intervision:cycles.add.startsOn')).fill('2032-09-01');
    await cycleForm.getByLabel(t('intervision:cycles.add.endsOn')).fill('2033-06-30');
    await cycleForm.getByRole('button', { name: t('intervision:cycles.add.submit') }).click();
    await see(page.getByRole('heading', { name: t('intervision:cycle.title', { name: CYCLE }), level: 1 }));
    const created = t('intervision:cycles.add.done', { name: CYCLE });
    await see(page.getByText(created));
    // Said once: a reload does not say it again.
    await page.reload();
    await see(page.getByTestId('cycle-facts'));
    expect(await page.getByText(created).count()).toBe(0);
    expect(await page.getByTestId('cycle-facts').locator('dd').allTextContents()).toEqual([
      t('intervision:cycle.periodValue', { from: '01/09/2032', to: '30/06/2033' }),
      euros('120,00'),
      euros('150,00'),
    ]);

    // A group: the form starts in the user's language, on Thursdays from 14:00 to 17:00.
    await page.getByRole('button', { name: t('intervision:groups.add.open') }).click();
    const groupForm = page.getByRole('form', { name: t('intervision:groups.add.title') });
    await groupForm.getByLabel(t('intervision:groups.add.name')).fill(GROUP);
    expect(
      await groupForm.getByRole('radio', { name: t(`intervision:languages.${season.language}`) }).isChecked(),
    ).toBe(true);
    const weekday = groupForm.getByLabel(t('intervision:groups.add.weekday'));
    expect(await weekday.inputValue()).toBe('4');
    expect(await weekday.locator('option:checked').textContent()).toBe(season.thursday);
    expect(await groupForm.getByLabel(t('intervision:groups.add.startTime')).inputValue()).toBe('14:00');
    expect(await groupForm.getByLabel(t('intervision:groups.add.endTime')).inputValue()).toBe('17:00');
    await pick(groupForm, t('intervision:groups.add.facilitator1'), season.facilitators[0]![2], facilitator1);
    await pick(groupForm, t('intervision:groups.add.facilitator2'), season.facilitators[1]![2], facilitator2);
    await groupForm.getByRole('button', { name: t('intervision:groups.add.submit') }).click();
    await see(page.getByText(t('intervision:groups.add.done', { name: GROUP })));
    expect(await page.getByTestId('group-warnings').count()).toBe(0);
    expect(await cells(page, 'groups-table', GROUP)).toEqual([
      GROUP,
      t('intervision:kinds.intersectoral'),
      t(`intervision:languages.${season.language}`),
      `${season.thursday}, ${season.hours}`,
      '10',
      t('intervision:groups.counts', { registered: 0, waiting: 0 }),
      `${facilitator1} & ${facilitator2}`,
      t('common:none'),
    ]);
    await expectOneLanguage(page);
    await screenshot(page, season.screenshots[0]);

    // Sessions: the second Thursday from October to December, then one in January at the member.
    await page.getByRole('link', { name: GROUP }).click();
    await see(page.getByRole('heading', { name: GROUP, level: 1 }));
    await page.getByRole('button', { name: t('intervision:generate.open') }).click();
    const rule = page.getByRole('form', { name: t('intervision:generate.title') });
    const second = t('intervision:generate.ordinals.2');
    await rule.getByLabel(t('intervision:generate.ordinal')).selectOption({ label: second });
    expect(await rule.getByLabel(t('intervision:generate.weekday')).inputValue()).toBe('4');
    await rule.getByLabel(t('intervision:generate.from')).fill('2032-10-01');
    await rule.getByLabel(t('intervision:generate.to')).fill('2032-12-31');
    await see(
      rule.getByText(
        t('intervision:generate.ruleSummary', {
          rule: t('intervision:generate.rule', { ordinal: second, weekday: season.thursday }),
        }),
      ),
    );
    await rule.getByRole('button', { name: t('intervision:generate.preview') }).click();
    const preview = page.getByTestId('generate-preview');
    await see(preview.getByText(t('intervision:generate.datesTitle', { count: 3, n: 3 })));
    expect(await preview.locator('li').allTextContents()).toEqual(['14/10/2032', '11/11/2032', '09/12/2032']);
    // The preview created nothing: asked of the API, not of the page's cached group.
    expect((await getGroupDetail(new URL(page.url()).pathname.split('/').pop()!)).sessions).toEqual([]);
    await preview.getByRole('button', { name: t('intervision:generate.create', { count: 3, n: 3 }) }).click();
    await see(page.getByText(t('intervision:generate.done', { count: 3, n: 3 })));
    await page.getByRole('button', { name: t('intervision:sessions.add.open') }).click();
    const addSession = page.getByRole('form', { name: t('intervision:sessions.add.title') });
    await addSession.getByLabel(t('intervision:sessions.add.startsOn')).fill('2033-01-13');
    await pick(
      addSession,
      t('intervision:sessions.add.host'),
      MEMBER_ORG.split(' ').pop()!.toLowerCase(),
      MEMBER_ORG,
    );
    await addSession.getByRole('button', { name: t('intervision:sessions.add.submit') }).click();
    await see(page.getByText(t('intervision:sessions.add.done', { day: '13/01/2033' })));
    expect(await page.getByTestId('sessions-table').locator('tbody th').allTextContents()).toEqual(
      ['14/10/2032', '11/11/2032', '09/12/2032', '13/01/2033'].map((day) => `${day}${season.thursday}`),
    );

    // A worker of a member organisation: €120.
    await register(page, season.participants[0]![2], first, '2032-09-15');
    await see(
      page.getByText(t('intervision:registrations.add.doneMember', { name: first, fee: euros('120,00') })),
    );
    // Her colleague is stopped, the organisation named.
    const refused = await register(page, season.participants[1]![2], colleague, '2032-09-15');
    await see(
      refused
        .getByRole('alert')
        .getByText(t('intervision:registrations.add.taken', { organisation: MEMBER_ORG })),
    );
    await see(refused.getByText(t('intervision:registrations.add.takenRule')));
    // Someone else chosen in the same form: the other organisation's worker, not yet a member in September.
    await refused.getByRole('button', { name: t('common:picker.changeFor', { name: colleague }) }).click();
    await refused.getByTestId('registration-taken').waitFor({ state: 'detached' });
    await pick(refused, t('intervision:registrations.add.person'), season.participants[2]![2], other);
    await refused.getByLabel(t('intervision:registrations.add.registeredOn')).fill('2032-09-20');
    await refused
      .getByRole('button', { name: t('intervision:registrations.add.submit'), exact: true })
      .click();
    await see(
      page.getByText(t('intervision:registrations.add.doneNonMember', { name: other, fee: euros('150,00') })),
    );
    expect((await cells(page, 'registrations-table', first)).slice(0, 8)).toEqual([
      first,
      MEMBER_ORG,
      '15/09/2032',
      t('intervision:registrationStatuses.registered'),
      euros('120,00'),
      t('intervision:registrations.memberRate'),
      t('intervision:payment.unpaid'),
      t('common:none'),
    ]);
    expect((await cells(page, 'registrations-table', other)).slice(1, 6)).toEqual([
      OTHER_ORG,
      '20/09/2032',
      t('intervision:registrationStatuses.registered'),
      euros('150,00'),
      t('intervision:registrations.nonMemberRate'),
    ]);
    expect(await page.getByTestId('registrations-table').getByText(colleague).count()).toBe(0);

    // November is cancelled, with its reason; October was held by video, the first worker there.
    await page
      .getByRole('button', { name: t('intervision:sessions.mark.cancelledFor', { day: '11/11/2032' }) })
      .click();
    const dialog = page.getByRole('dialog', {
      name: t('intervision:sessions.cancelTitle', { day: '11/11/2032' }),
    });
    const cancel = dialog.getByRole('button', { name: t('intervision:sessions.cancelConfirm'), exact: true });
    await cancel.click();
    await see(dialog.getByText(t('errors:fieldErrors.required')));
    await dialog.getByLabel(t('intervision:sessions.cancelReason')).fill(season.strike);
    await cancel.click();
    await see(page.getByText(t('intervision:sessions.marked.cancelled', { day: '11/11/2032' })));
    await page
      .getByRole('button', { name: t('intervision:sessions.mark.held_videoFor', { day: '14/10/2032' }) })
      .click();
    // A session to come is not held by one tap: the page asks first.
    const early = page.getByRole('dialog', {
      name: t('intervision:sessions.future.title', { day: '14/10/2032' }),
    });
    await see(early.getByText(t('intervision:sessions.future.body')));
    await early.getByRole('button', { name: t('intervision:sessions.mark.held_video'), exact: true }).click();
    await see(page.getByText(t('intervision:sessions.marked.held_video', { day: '14/10/2032' })));
    expect((await cells(page, 'sessions-table', '11/11/2032')).slice(2, 3)).toEqual([
      `${t('intervision:statuses.cancelled')}${season.strike}`,
    ]);
    expect((await cells(page, 'sessions-table', '14/10/2032')).slice(2, 3)).toEqual([
      t('intervision:statuses.held_video'),
    ]);
    await page
      .getByRole('button', { name: t('intervision:attendance.openFor', { day: '14/10/2032' }) })
      .click();
    const attendance = page.getByRole('form', {
      name: t('intervision:attendance.title', { day: '14/10/2032' }),
    });
    // Everyone present ticks both who were participants that day; then only the first came.
    await attendance.getByRole('button', { name: t('intervision:attendance.allPresent') }).click();
    const boxes = await attendance.getByRole('checkbox').all();
    expect(boxes).toHaveLength(2);
    for (const box of boxes) expect(await box.isChecked()).toBe(true);
    for (const box of boxes) await box.uncheck();
    await attendance.getByRole('checkbox', { name: `${first} (${MEMBER_ORG})` }).check();
    await attendance.getByRole('button', { name: t('intervision:attendance.save') }).click();
    await see(page.getByText(t('intervision:attendance.saved', { day: '14/10/2032' })));
    expect((await cells(page, 'sessions-table', '14/10/2032')).slice(3, 4)).toEqual([
      t('intervision:sessions.present', { present: 1, total: 2 }),
    ]);
    // The member hosts in January: the other organisation has yet to.
    const hosts = page.getByTestId('hosts-pending');
    await see(hosts.getByRole('heading', { name: t('intervision:hostsPending.title') }));
    expect(await hosts.getByRole('listitem').allTextContents()).toEqual([OTHER_ORG]);
    await expectOneLanguage(page);
    await screenshot(page, season.screenshots[1]);

    // The cycle's figures, each with its records one click away.
    await page.getByRole('link', { name: t('intervision:group.backTo', { name: CYCLE }) }).click();
    await page
      .getByRole('navigation', { name: t('intervision:cycle.sections') })
      .getByRole('link', { name: t('intervision:cycle.figuresLink'), exact: true })
      .click();
    await see(page.getByRole('heading', { name: t('intervision:figures.title', { name: CYCLE }), level: 1 }));
    // The cycle names the page; its figures follow from the engine.
    await see(page.getByTestId('figure-groups'));
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      t('intervision:figures.countsTitle'),
      t('intervision:figures.sessionsTitle'),
      t('intervision:figures.bySectorTitle'),
      t('intervision:figures.feesTitle'),
    ]);
    const figure = (key: string) => t(`intervision:figures.${key}`);
    expect(await summary(page, 'figure-groups')).toBe(`${figure('counts.groups')}1`);
    expect(await summary(page, 'figure-groupsHeld')).toBe(`${figure('counts.groupsHeld')}1`);
    expect(await summary(page, 'figure-participants')).toBe(`${figure('counts.participants')}2`);
    expect(await summary(page, 'figure-institutions')).toBe(`${figure('counts.institutions')}2`);
    expect(await summary(page, 'figure-sectors')).toBe(`${figure('counts.sectors')}2`);
    expect(await summary(page, 'figure-sessions-held')).toBe(`${figure('sessions.held')}0`);
    expect(await summary(page, 'figure-sessions-heldVideo')).toBe(`${figure('sessions.heldVideo')}1`);
    expect(await summary(page, 'figure-sessions-cancelled')).toBe(`${figure('sessions.cancelled')}1`);
    expect(await summary(page, 'figure-sessions-planned')).toBe(`${figure('sessions.planned')}2`);
    expect(await summary(page, 'figure-fees-invoiced')).toBe(`${figure('fees.invoiced')}${euros('270,00')}`);
    expect(await summary(page, 'figure-fees-received')).toBe(`${figure('fees.received')}${euros('0,00')}`);
    const { general, homeless } = season.sectors;
    for (const sector of [general, homeless]) {
      expect((await cells(page, 'figures-by-sector', sector)).slice(0, 3)).toEqual([
        sector,
        '1',
        season.share(50),
      ]);
    }
    // Equal counts in the language's alphabetical order.
    expect(await page.getByTestId('figures-by-sector').locator('tbody th').allTextContents()).toEqual(
      [general, homeless].sort((a, b) => a.localeCompare(b, season.language)),
    );
    const participants = page.getByTestId('figure-participants');
    await participants.locator('summary').click();
    await see(participants.getByRole('link', { name: `${OTHER_ORG} – ${other}` }));
    const cancelled = page.getByTestId('figure-sessions-cancelled');
    await cancelled.locator('summary').click();
    await see(cancelled.getByRole('link', { name: `11/11/2032 – ${GROUP}` }));
    const planned = page.getByTestId('figure-sessions-planned');
    await planned.locator('summary').click();
    // The records are fetched when the figure opens.
    await see(planned.getByRole('listitem').first());
    expect(await planned.getByRole('listitem').allTextContents()).toEqual([
      `09/12/2032 – ${GROUP}`,
      `13/01/2033 – ${GROUP}`,
    ]);
    await expectOneLanguage(page);
    await screenshot(page, season.screenshots[2]);
    await context.close();
  }, 120_000); // one long scenario, as the coordinator lives it
});

// The French coordinator's other days (fictional names unique to these tests).
const MEMBER_ORG = 'Antenne Tilleul';
const OTHER_ORG = 'Le Pont-Levis';
const GROUP = 'Intervisie donderdag Tilleul';
const LOTTE = 'Lotte Vandamme';
const SOFIE = 'Sofie Claes';
const KASTANJE_GROUP = 'Groupe du mardi Kastanje';
const JONAS = 'Jonas Verbeke';
const AMINA = 'Amina Benali';
const LOUISE = 'Louise Mertens';

/** Registers through the French form; `registeredOn` as typed, else the form's default (today). */
async function register(page: Page, search: string, name: string, registeredOn?: string) {
  await page.getByRole('button', { name: 'Inscrire un·e participant·e' }).click();
  const form = page.getByRole('form', { name: 'Inscrire un·e participant·e' });
  await pick(form, 'Participant·e', search, name);
  if (registeredOn) await form.getByLabel("Date d'inscription").fill(registeredOn);
  await form.getByRole('button', { name: 'Inscrire', exact: true }).click();
  return form;
}

describe('intervision', () => {
  let browser: Browser;
  let coordinator: { email: string; name: string };
  const people: Record<string, string> = {};
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    const [mentalHealth, homeless, general] = await Promise.all([
      referenceId('sector', 'mental_health'),
      referenceId('sector', 'homeless'),
      referenceId('sector', 'general_social'),
    ]);
    const member = await createOrganisation({ nameFr: MEMBER_ORG, sectorIds: [general] });
    await createMembership({ organisationId: member.id, startsOn: '2020-01-01' });
    const other = await createOrganisation({ nameFr: OTHER_ORG, sectorIds: [homeless] });
    const ressac = await createOrganisation({ nameFr: 'Centre Ressac', sectorIds: [mentalHealth] });
    const kanaal = await createOrganisation({ nameNl: 'Opvang Kanaalzone', sectorIds: [homeless] });
    Object.assign(orgs, { member: member.id, other: other.id });
    const person = (firstName: string, lastName: string, organisationId: string) =>
      createPerson({
        firstName,
        lastName,
        email: uniqueEmail(lastName.toLowerCase()),
        affiliations: [{ organisationId }],
      });
    const [dubois, wouters, lambert, lotte, sofie] = await Promise.all([
      person('Camille', 'Dubois', ressac.id),
      person('Pieter', 'Wouters', kanaal.id),
      person('Inès', 'Lambert', kanaal.id),
      person('Lotte', 'Vandamme', member.id),
      person('Sofie', 'Claes', other.id),
    ]);
    Object.assign(people, {
      dubois: dubois.id,
      wouters: wouters.id,
      lambert: lambert.id,
      lotte: lotte.id,
      sofie: sofie.id,
    });
    coordinator = await createPoleUser('coordinator', 'connect', 'Nadia Connect');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps a past season: the group's calendar, unpaid fees, figures, printable schedule, retention and a year's figures", async () => {
    // The 2024-2025 season, set up through the API (the screens that set one up are the
    // scenario above, in both languages): a Dutch-speaking group on Thursdays with its
    // facilitator pair, a Monday group with one facilitator, three sessions (November cancelled,
    // October by video with Lotte there), a member's worker (€120) and another's (€150).
    const cycle = await createCycle({
      name: '2024-2025',
      startsOn: '2024-09-01',
      endsOn: '2025-06-30',
      memberFee: '120.00',
      nonMemberFee: '150.00',
    });
    const group = await createGroup({
      cycleId: cycle.id,
      name: GROUP,
      kind: 'intersectoral',
      language: 'nl',
      weekday: 4,
      startTime: '14:00',
      endTime: '17:00',
      facilitatorIds: [people.dubois!, people.wouters!],
    });
    await createGroup({
      cycleId: cycle.id,
      name: 'Groupe du lundi Kanaal',
      kind: 'intersectoral',
      language: 'fr',
      weekday: 1,
      startTime: '09:00',
      endTime: '12:00',
      facilitatorIds: [people.lambert!],
    });
    const [october, november] = [
      await createSession({ groupId: group.id, startsOn: '2024-10-10' }),
      await createSession({ groupId: group.id, startsOn: '2024-11-14' }),
      await createSession({ groupId: group.id, startsOn: '2024-12-12' }),
    ];
    const lotte = await createRegistration({
      groupId: group.id,
      personId: people.lotte!,
      organisationId: orgs.member!,
      registeredOn: '2024-09-16',
    });
    await createRegistration({
      groupId: group.id,
      personId: people.sofie!,
      organisationId: orgs.other!,
      registeredOn: '2024-09-20',
    });
    await updateSession(november!.id, {
      status: 'cancelled',
      cancelReason: 'Grève des transports en commun',
    });
    await updateSession(october!.id, { status: 'held_video' });
    await setAttendance(october!.id, [lotte.id]);

    const { context, page } = await newPage(browser);
    await signIn(page, coordinator.email, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await see(nav);
    await page.goto(`/intervision/groups/${group.id}`);
    await see(page.getByRole('heading', { name: GROUP, level: 1 }));

    // The group's calendar, as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le calendrier du groupe (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('intervisie-donderdag-tilleul.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain('BEGIN:VEVENT');

    // The fees still to be paid.
    await page.getByRole('link', { name: 'Retour au cycle 2024-2025' }).click();
    await page.getByRole('link', { name: 'Cotisations impayées' }).click();
    await see(page.getByRole('heading', { name: 'Cotisations impayées — cycle 2024-2025', level: 1 }));
    await see(page.getByTestId('unpaid-table').getByText(SOFIE));
    expect(await page.getByTestId('unpaid-totals').locator('dd').allTextContents()).toEqual([
      '2',
      `270,00${NBSP}€`,
    ]);

    // The figures, each with its records one click away.
    await page.getByRole('link', { name: 'Chiffres' }).click();
    await see(page.getByRole('heading', { name: 'Chiffres du cycle 2024-2025', level: 1 }));
    const participants = page.getByTestId('figure-participants');
    expect(await participants.locator('summary').textContent()).toBe('Participant·es2');
    await participants.locator('summary').click();
    await see(participants.getByRole('link', { name: `${MEMBER_ORG} – ${LOTTE}` }));
    expect(await page.getByTestId('figure-sessions-heldVideo').locator('summary').textContent()).toBe(
      'Tenues en visio1',
    );
    expect(await page.getByTestId('figure-sessions-cancelled').locator('summary').textContent()).toBe(
      'Annulées1',
    );
    expect(await page.getByTestId('figure-sessions-planned').locator('summary').textContent()).toBe(
      'Encore prévues1',
    );
    expect(await page.getByTestId('figure-fees-invoiced').locator('summary').textContent()).toBe(
      `Facturées270,00${NBSP}€`,
    );
    expect((await cells(page, 'figures-by-sector', 'Aide aux sans-abri')).slice(1, 3)).toEqual([
      '1',
      `50${NBSP}%`,
    ]);
    await screenshot(page, '42-intervision-figures');

    // The printable schedule, in both languages whatever the screen speaks; cancelled dates left out.
    await page.getByRole('link', { name: 'Calendrier imprimable' }).click();
    const sheet = page.getByTestId('cycle-schedule');
    await see(sheet.getByRole('heading', { name: 'Intervisions intersectorielles Smes Connect 2024-2025' }));
    await see(sheet.getByText('Intersectoriële intervisies Smes Connect 2024-2025'));
    expect(await sheet.getByRole('listitem').first().textContent()).toBe(
      `120${NBSP}€ (membres du Smes / Smes-leden)`,
    );
    await see(sheet.getByRole('heading', { name: 'Groupe néerlandophone / Nederlandstalige groep' }));
    expect(await sheet.getByTestId('schedule-line').allTextContents()).toEqual([
      'Les jeudis de 14h à 17h : 10/10/24 – 12/12/24 / Donderdagen van 14u tot 17u: 10/10/24 – 12/12/24.',
      'Les lundis de 9h à 12h : dates à venir / Maandagen van 9u tot 12u: data volgen.',
    ]);
    expect(await sheet.getByTestId('schedule-facilitators').first().textContent()).toBe(
      'Animation : Camille Dubois et Pieter Wouters / Begeleiding: Camille Dubois en Pieter Wouters',
    );
    await screenshot(page, '43-intervision-schedule');
    await page.emulateMedia({ media: 'print' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // In Dutch, the screen changes around the sheet; the sheet stays in both languages.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await see(page.getByRole('link', { name: 'Terug naar cyclus 2024-2025' }));
    await see(page.getByRole('button', { name: 'Afdrukken' }));
    expect(await sheet.getByTestId('schedule-line').first().textContent()).toBe(
      'Les jeudis de 14h à 17h : 10/10/24 – 12/12/24 / Donderdagen van 14u tot 17u: 10/10/24 – 12/12/24.',
    );
    await page.getByRole('button', { name: 'Français' }).click();
    await see(page.getByRole('link', { name: 'Retour au cycle 2024-2025' }));

    // Retention: 2024-2025 ended in a past year, so a pass on demand removes its participants;
    // the registrations, fees and figures stay.
    await nav.getByRole('link', { name: 'Intervision' }).click();
    const retention = page.getByTestId('retention-panel');
    await retention.getByRole('button', { name: 'Lancer maintenant' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retirer les participant·es' }).click();
    await see(retention.getByText('Passage terminé : 2 inscriptions ont perdu leur participant·e.'));
    const run = retention.getByRole('row').filter({ hasText: 'Lancé à la main' });
    await see(run.getByText('2024-2025 : 2 inscriptions'));
    await screenshot(page, '44-intervision-retention');
    await page.getByRole('link', { name: '2024-2025' }).click();
    await page.getByRole('link', { name: GROUP }).click();
    const registrations = page.getByTestId('registrations-table');
    await see(registrations.getByText(MEMBER_ORG));
    expect(await registrations.locator('tbody th').allTextContents()).toEqual([
      'Participant·e retiré·e (cycle terminé)',
      'Participant·e retiré·e (cycle terminé)',
    ]);
    expect(await registrations.getByText(LOTTE).count()).toBe(0);

    // The figures of a calendar year, across cycles: 2024 holds October (by video) and December.
    await nav.getByRole('link', { name: 'Intervision' }).click();
    await page.getByRole('link', { name: 'Chiffres par période' }).click();
    const period = page.getByRole('search', { name: 'Choisir la période' });
    await period.getByLabel('Du', { exact: true }).fill('2024-01-01');
    await period.getByLabel('Au', { exact: true }).fill('2024-12-31');
    await period.getByRole('button', { name: 'Afficher' }).click();
    await see(page.getByRole('heading', { name: "Chiffres de l'intervision du 01/01/2024 au 31/12/2024" }));
    await see(page.getByTestId('figure-sessions-heldVideo').getByText('1', { exact: true }));
    expect(await page.getByTestId('figure-participants').locator('summary').textContent()).toBe(
      'Participant·es2',
    );
    expect(await page.getByTestId('figure-sessions-cancelled').locator('summary').textContent()).toBe(
      'Annulées1',
    );
    await context.close();
  }, 90_000); // one long scenario, as the coordinator lives it

  it('lets the coordinator correct a cycle and a group, admit from the waiting list and move a session', async () => {
    // A later season (no retention touches it), arranged through the API: a group of two places,
    // both taken, and two dates.
    const [general, homeless] = await Promise.all([
      referenceId('sector', 'general_social'),
      referenceId('sector', 'homeless'),
    ]);
    const [tilleul, kastanje, peuplier] = await Promise.all([
      createOrganisation({ nameFr: 'Maison Tilleul', sectorIds: [general] }),
      createOrganisation({ nameNl: 'Huis Kastanje', sectorIds: [homeless] }),
      createOrganisation({ nameFr: 'Atelier Peuplier', sectorIds: [general] }),
    ]);
    await createMembership({ organisationId: tilleul.id, startsOn: '2020-01-01' });
    await createMembership({ organisationId: peuplier.id, startsOn: '2020-01-01' });
    const worker = (firstName: string, lastName: string, organisationId: string) =>
      createPerson({
        firstName,
        lastName,
        email: uniqueEmail(lastName.toLowerCase()),
        affiliations: [{ organisationId }],
      });
    const [jonas, amina] = await Promise.all([
      worker('Jonas', 'Verbeke', tilleul.id),
      worker('Amina', 'Benali', kastanje.id),
      worker('Louise', 'Mertens', peuplier.id),
    ]);
    const cycle = await createCycle({
      name: '2030-2031',
      startsOn: '2030-09-01',
      endsOn: '2031-06-30',
      memberFee: '120.00',
      nonMemberFee: '150.00',
    });
    await createCycle({ name: '2029-2030', startsOn: '2029-09-01', endsOn: '2030-06-30' });
    const group = await createGroup({
      cycleId: cycle.id,
      name: KASTANJE_GROUP,
      kind: 'intersectoral',
      language: 'fr',
      weekday: 2,
      startTime: '09:30',
      endTime: '12:30',
      capacity: 2,
      facilitatorIds: [],
    });
    for (const startsOn of ['2030-10-08', '2030-11-12']) await createSession({ groupId: group.id, startsOn });
    await createRegistration({
      groupId: group.id,
      personId: jonas.id,
      organisationId: tilleul.id,
      registeredOn: '2030-09-10',
    });
    await createRegistration({
      groupId: group.id,
      personId: amina.id,
      organisationId: kastanje.id,
      registeredOn: '2030-09-12',
    });

    const { context, page } = await newPage(browser);
    await signIn(page, coordinator.email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: 'Bonjour, Nadia Connect' }));
    await page.goto(`/intervision/cycles/${cycle.id}`);
    await see(page.getByRole('heading', { name: 'Cycle 2030-2031', level: 1 }));

    // The member fee goes up to €130; a name another cycle has is refused, what was typed stays.
    await page.getByRole('button', { name: 'Modifier le cycle' }).click();
    const cycleForm = page.getByRole('form', { name: 'Modifier le cycle 2030-2031' });
    await see(
      cycleForm.getByText('Un nouveau tarif vaut pour les inscriptions faites après', { exact: false }),
    );
    await cycleForm.getByLabel('Nom du cycle').fill('2029-2030');
    await cycleForm.getByLabel('Tarif membre (€)').fill('130,00');
    await cycleForm.getByRole('button', { name: 'Enregistrer' }).click();
    await see(cycleForm.getByText('Un cycle porte déjà ce nom.'));
    expect(await cycleForm.getByLabel('Tarif membre (€)').inputValue()).toBe('130,00');
    await cycleForm.getByLabel('Nom du cycle').fill('2030-2031');
    await cycleForm.getByRole('button', { name: 'Enregistrer' }).click();
    await see(page.getByText('Le cycle 2030-2031 est enregistré.'));
    expect(await page.getByTestId('cycle-facts').locator('dd').allTextContents()).toEqual([
      'du 01/09/2030 au 30/06/2031',
      `130,00${NBSP}€`,
      `150,00${NBSP}€`,
    ]);

    // The group is full: a third worker goes on the waiting list, at the new member fee.
    await page.getByRole('link', { name: KASTANJE_GROUP }).click();
    await see(page.getByRole('heading', { name: KASTANJE_GROUP, level: 1 }));
    await register(page, 'mertens', LOUISE, '2030-09-20');
    await see(page.getByText(`Le groupe est complet : ${LOUISE} est sur la liste d'attente.`));
    expect((await cells(page, 'registrations-table', LOUISE)).slice(3, 5)).toEqual([
      "Liste d'attente",
      `130,00${NBSP}€`,
    ]);
    // Those registered before the change keep their fee.
    expect((await cells(page, 'registrations-table', JONAS)).slice(4, 5)).toEqual([`120,00${NBSP}€`]);
    // No room yet: she stays waiting, and the screen says why in French.
    await page.getByRole('button', { name: `Admettre ${LOUISE} dans le groupe` }).click();
    await see(
      page
        .getByTestId('admit-refused')
        .getByText(`Le groupe est complet : ${LOUISE} reste sur la liste d'attente.`, { exact: false }),
    );
    // Amina leaves after the October session; Louise takes her place.
    await page.getByRole('button', { name: `Retirer l'inscription de ${AMINA}` }).click();
    const withdraw = page.getByRole('dialog', { name: `Retirer l'inscription de ${AMINA}` });
    await withdraw.getByLabel('Date du retrait').fill('2030-10-20');
    await withdraw.getByRole('button', { name: "Retirer l'inscription" }).click();
    await see(page.getByText(`L'inscription de ${AMINA} est retirée.`));
    await page.getByRole('button', { name: `Admettre ${LOUISE} dans le groupe` }).click();
    await see(
      page.getByText(
        `${LOUISE} quitte la liste d'attente et est inscrit·e : cotisation de 130,00${NBSP}€, fixée à l'inscription.`,
      ),
    );
    expect((await cells(page, 'registrations-table', LOUISE)).slice(3, 5)).toEqual([
      'Inscrit·e',
      `130,00${NBSP}€`,
    ]);
    expect(await page.getByTestId('group-facts').locator('dd').nth(4).textContent()).toBe(
      '2 inscrit·es, 0 en attente',
    );

    // October: Amina was still in the group, so she is one of the three who could attend.
    await page.getByRole('button', { name: 'Présences à la séance du 08/10/2030' }).click();
    const attendance = page.getByRole('form', { name: 'Présences à la séance du 08/10/2030' });
    await attendance.getByRole('checkbox', { name: `${JONAS} (Maison Tilleul)` }).check();
    await attendance.getByRole('checkbox', { name: `${AMINA} (Huis Kastanje)` }).check();
    await attendance.getByRole('button', { name: 'Enregistrer les présences' }).click();
    // October 2030 is still to come: saving attendance would mark it held, so the page asks first.
    const early = page.getByRole('dialog', { name: "La séance du 08/10/2030 n'a pas encore eu lieu" });
    await see(early.getByText('Enregistrer des présences marque la séance comme tenue', { exact: false }));
    // Closing the question sends nothing; the ticked boxes are still there to save.
    await early.getByRole('button', { name: 'Fermer', exact: true }).click();
    expect(await early.isVisible()).toBe(false);
    expect(await attendance.getByRole('checkbox', { name: `${AMINA} (Huis Kastanje)` }).isChecked()).toBe(
      true,
    );
    await attendance.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await early.getByRole('button', { name: 'Enregistrer et marquer comme tenue', exact: true }).click();
    await see(page.getByText('Les présences à la séance du 08/10/2030 sont enregistrées.'));
    expect((await cells(page, 'sessions-table', '08/10/2030')).slice(2, 3)).toEqual(['Tenue']);
    expect((await cells(page, 'sessions-table', '08/10/2030')).slice(3, 4)).toEqual(['Présent·es : 2 sur 3']);
    // A session with attendance is not cancelled: the dialog says why.
    await page.getByRole('button', { name: 'Annuler la séance du 08/10/2030' }).click();
    const cancel = page.getByRole('dialog', { name: 'Annuler la séance du 08/10/2030' });
    await cancel.getByLabel("Raison de l'annulation").fill('Salle indisponible');
    await cancel.getByRole('button', { name: 'Annuler la séance', exact: true }).click();
    await see(cancel.getByText('Des présences ont été enregistrées à cette séance', { exact: false }));
    await cancel.getByRole('button', { name: 'Fermer', exact: true }).click();

    // November moves: not onto October's date, which the group already has, but a week later.
    await page.getByRole('button', { name: 'Déplacer la séance du 12/11/2030' }).click();
    const move = page.getByRole('dialog', { name: 'Déplacer la séance du 12/11/2030' });
    await move.getByLabel('Nouvelle date').fill('2030-10-08');
    await move.getByRole('button', { name: 'Déplacer la séance' }).click();
    await see(move.getByText('Ce groupe a déjà une séance à cette date.'));
    await move.getByLabel('Nouvelle date').fill('2030-11-19');
    await see(move.getByText('Un mardi.'));
    await move.getByRole('button', { name: 'Déplacer la séance' }).click();
    await see(page.getByText('La séance du 12/11/2030 est déplacée au 19/11/2030.'));
    expect(await page.getByTestId('sessions-table').locator('tbody th').allTextContents()).toEqual([
      '08/10/2030mardi',
      '19/11/2030mardi',
    ]);

    // The group is corrected: a third place, the afternoon, a facilitator pair. Hours that end
    // before they start are refused next to the field, and nothing typed is lost.
    await page.getByRole('button', { name: 'Modifier le groupe' }).click();
    const groupForm = page.getByRole('form', { name: `Modifier le groupe ${KASTANJE_GROUP}` });
    await groupForm.getByLabel('Nombre de places').fill('3');
    await groupForm.getByLabel('Heure de début').fill('13:00');
    await groupForm.getByLabel('Heure de fin').fill('12:00');
    await pick(groupForm, 'Premier animateur', 'lambert', 'Inès Lambert');
    await pick(groupForm, 'Second animateur', 'wouters', 'Pieter Wouters');
    await groupForm.getByRole('button', { name: 'Enregistrer' }).click();
    await see(
      groupForm
        .locator('.field--invalid')
        .filter({ hasText: 'Heure de fin' })
        .getByText("L'heure de fin doit suivre l'heure de début."),
    );
    expect(await groupForm.getByLabel('Nombre de places').inputValue()).toBe('3');
    await see(groupForm.getByRole('group', { name: 'Second animateur' }).getByText('Pieter Wouters'));
    await groupForm.getByLabel('Heure de fin').fill('16:00');
    await groupForm.getByRole('button', { name: 'Enregistrer' }).click();
    await see(page.getByText(`Le groupe ${KASTANJE_GROUP} est enregistré.`));
    // Two workers from the homeless sector: the pair is said, not refused.
    await see(
      page
        .getByTestId('group-warnings')
        .getByText("Le binôme d'animateurs ne réunit pas une personne du secteur social", { exact: false }),
    );
    expect(await page.getByTestId('group-facts').locator('dd').allTextContents()).toEqual([
      'Intervision intersectorielle',
      'Francophone',
      'mardi, 13h–16h',
      '3',
      '2 inscrit·es, 0 en attente',
      'Inès Lambert & Pieter Wouters',
    ]);
    const saved = await getGroupDetail(group.id);
    expect(saved.group).toMatchObject({ capacity: 3, startTime: '13:00', endTime: '16:00' });

    // Amina attended before she left: her fee is owed, and on the unpaid list.
    await page.getByRole('link', { name: 'Retour au cycle 2030-2031' }).click();
    await page.getByRole('link', { name: 'Cotisations impayées' }).click();
    await see(page.getByRole('heading', { name: 'Cotisations impayées — cycle 2030-2031', level: 1 }));
    expect((await cells(page, 'unpaid-table', AMINA)).slice(4, 5)).toEqual([`Retiré·e20/10/2030`]);
    expect(await page.getByTestId('unpaid-totals').locator('dd').allTextContents()).toEqual([
      '3',
      `400,00${NBSP}€`,
    ]);
    await screenshot(page, '45-intervision-corrections');
    await context.close();
  }, 90_000);

  it('gives a Support worker no Intervision entry, and the 403 page on /intervision', async () => {
    const worker = await createPoleUser('worker', 'support', 'Samira Support');
    const { context, page } = await newPage(browser);
    await signIn(page, worker.email, USER_PASSWORD);
    await see(page.getByRole('heading', { name: 'Bonjour, Samira Support' }));
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Intervision' }).count()).toBe(0);
    await page.goto('/intervision');
    await see(page.getByRole('heading', { name: 'Accès refusé' }));
    expect(await page.getByTestId('cycles-table').count()).toBe(0);
    await context.close();
  });
});
