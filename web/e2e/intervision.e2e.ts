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
  uniqueEmail,
  USER_PASSWORD,
} from './support/api';
import { cells, launchBrowser, newPage, pick, screenshot, see, signIn } from './support/browser';

const NBSP = '\u00a0';
// Fictional organisations and people, unique to this file (the e2e files share one database).
const MEMBER_ORG = 'Antenne Tilleul';
const OTHER_ORG = 'Le Pont-Levis';
const GROUP = 'Intervisie donderdag Tilleul';
const LOTTE = 'Lotte Vandamme';
const YOUSSEF = 'Youssef Amrani';
const SOFIE = 'Sofie Claes';
const KASTANJE_GROUP = 'Groupe du mardi Kastanje';
const JONAS = 'Jonas Verbeke';
const AMINA = 'Amina Benali';
const LOUISE = 'Louise Mertens';

/** Registers through the form; `registeredOn` as typed, else the form's default (today). */
async function register(page: Page, search: string, name: string, registeredOn?: string) {
  await page.getByRole('button', { name: 'Inscrire un·e participant·e' }).click();
  const form = page.getByRole('form', { name: 'Inscrire un·e participant·e' });
  await pick(form, 'Participant·e', search, name);
  if (registeredOn) await form.getByLabel("Date d'inscription").fill(registeredOn);
  await form.getByRole('button', { name: 'Inscrire', exact: true }).click();
  return form;
}

/** The id in a page's address (`/intervision/groups/<id>`). */
const idFromUrl = (page: Page) => new URL(page.url()).pathname.split('/').pop() ?? '';

describe('intervision', () => {
  let browser: Browser;
  let coordinator: { email: string; name: string };

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
    const person = (firstName: string, lastName: string, organisationId: string) =>
      createPerson({
        firstName,
        lastName,
        email: uniqueEmail(lastName.toLowerCase()),
        affiliations: [{ organisationId }],
      });
    await Promise.all([
      person('Camille', 'Dubois', ressac.id),
      person('Pieter', 'Wouters', kanaal.id),
      person('Inès', 'Lambert', kanaal.id),
      person('Lotte', 'Vandamme', member.id),
      person('Youssef', 'Amrani', member.id),
      person('Sofie', 'Claes', other.id),
    ]);
    coordinator = await createPoleUser('coordinator', 'connect', 'Nadia Connect');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the Connect coordinator set up a cycle, plan a group, register participants and read the figures', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, coordinator.email, USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Intervision' }).click();
    await see(page.getByRole('heading', { name: 'Intervision', level: 1 }));

    // The 2024-2025 season, fees prefilled at €120 / €150.
    await page.getByRole('button', { name: 'Nouveau cycle' }).click();
    const cycleForm = page.getByRole('form', { name: 'Nouveau cycle' });
    expect(await cycleForm.getByLabel('Tarif membre (€)').inputValue()).toBe('120,00');
    expect(await cycleForm.getByLabel('Tarif non-membre (€)').inputValue()).toBe('150,00');
    await cycleForm.getByLabel('Nom du cycle').fill('2024-2025');
    await cycleForm.getByLabel('Premier jour').fill('2024-09-01');
    await cycleForm.getByLabel('Dernier jour').fill('2025-06-30');
    await cycleForm.getByRole('button', { name: 'Créer le cycle' }).click();
    await see(page.getByRole('heading', { name: 'Cycle 2024-2025', level: 1 }));
    await see(page.getByText('Le cycle 2024-2025 a été créé.'));
    // Said once: a reload does not say it again.
    await page.reload();
    await see(page.getByTestId('cycle-facts'));
    expect(await page.getByText('Le cycle 2024-2025 a été créé.').count()).toBe(0);
    expect(await page.getByTestId('cycle-facts').locator('dd').allTextContents()).toEqual([
      'du 01/09/2024 au 30/06/2025',
      `120,00${NBSP}€`,
      `150,00${NBSP}€`,
    ]);

    // A Dutch-speaking group on Thursdays with its facilitator pair (mental health + social).
    await page.getByRole('button', { name: 'Nouveau groupe' }).click();
    let groupForm = page.getByRole('form', { name: 'Nouveau groupe' });
    await groupForm.getByLabel('Nom du groupe').fill(GROUP);
    await groupForm.getByRole('radio', { name: 'Néerlandophone' }).check();
    expect(await groupForm.getByLabel('Jour de la semaine').inputValue()).toBe('4');
    await pick(groupForm, 'Premier animateur', 'dubois', 'Camille Dubois');
    await pick(groupForm, 'Second animateur', 'wouters', 'Pieter Wouters');
    await groupForm.getByRole('button', { name: 'Créer le groupe' }).click();
    await see(page.getByText(`Le groupe ${GROUP} a été créé.`));
    expect(await page.getByTestId('group-warnings').count()).toBe(0);
    expect(await cells(page, 'groups-table', GROUP)).toEqual([
      GROUP,
      'Intervision intersectorielle',
      'Néerlandophone',
      'jeudi, 14h–17h',
      '10',
      '0 inscrit·es, 0 en attente',
      'Camille Dubois & Pieter Wouters',
      '—',
    ]);

    // A second group with one facilitator only: the API warns, the screen says so in French.
    await page.getByRole('button', { name: 'Nouveau groupe' }).click();
    groupForm = page.getByRole('form', { name: 'Nouveau groupe' });
    await groupForm.getByLabel('Nom du groupe').fill('Groupe du lundi Kanaal');
    await groupForm.getByLabel('Jour de la semaine').selectOption({ label: 'lundi' });
    await groupForm.getByLabel('Heure de début').fill('09:00');
    await groupForm.getByLabel('Heure de fin').fill('12:00');
    await pick(groupForm, 'Premier animateur', 'lambert', 'Inès Lambert');
    await groupForm.getByRole('button', { name: 'Créer le groupe' }).click();
    await see(
      page
        .getByTestId('group-warnings')
        .getByText("Le binôme d'animateurs est incomplet : il faut deux animateurs."),
    );
    await see(
      page
        .getByTestId('groups-table')
        .getByRole('row')
        .filter({ hasText: 'Groupe du lundi Kanaal' })
        .getByText("Le binôme d'animateurs est incomplet"),
    );
    await screenshot(page, '40-intervision-cycle');

    // The group: its sessions from a rule, the second Thursday of October to December.
    await page.getByRole('link', { name: GROUP }).click();
    await see(page.getByRole('heading', { name: GROUP, level: 1 }));
    await page.getByRole('button', { name: 'Planifier selon une règle' }).click();
    const rule = page.getByRole('form', { name: 'Planifier les séances selon une règle' });
    await rule.getByLabel('Quel jour du mois').selectOption({ label: 'deuxième' });
    expect(await rule.getByLabel('Jour de la semaine').inputValue()).toBe('4');
    await rule.getByLabel('À partir du').fill('2024-10-01');
    await rule.getByLabel("Jusqu'au").fill('2024-12-31');
    await see(rule.getByText('Règle : le deuxième jeudi de chaque mois.'));
    await rule.getByRole('button', { name: 'Voir les dates' }).click();
    const preview = page.getByTestId('generate-preview');
    await see(preview.getByText('3 nouvelles dates :'));
    expect(await preview.locator('li').allTextContents()).toEqual(['10/10/2024', '14/11/2024', '12/12/2024']);
    // The preview created nothing: asked of the API, not of the page's cached group.
    expect((await getGroupDetail(idFromUrl(page))).sessions).toEqual([]);
    await see(page.getByText("Aucune séance planifiée pour l'instant."));
    await preview.getByRole('button', { name: 'Créer 3 séances' }).click();
    await see(page.getByText('3 séances ont été créées.'));
    const sessions = page.getByTestId('sessions-table');
    expect(await sessions.locator('tbody th').allTextContents()).toEqual([
      '10/10/2024jeudi',
      '14/11/2024jeudi',
      '12/12/2024jeudi',
    ]);

    // A worker of a member organisation: €120. Registered in September 2024, as the season's
    // participants were (a period's figures count those registered by its last day).
    await register(page, 'vandamme', LOTTE, '2024-09-16');
    await see(page.getByText(`${LOTTE} est inscrit·e : cotisation de 120,00${NBSP}€ (tarif membre).`));
    // Her colleague is stopped, the organisation named.
    const refused = await register(page, 'amrani', YOUSSEF, '2024-09-16');
    await see(
      refused
        .getByRole('alert')
        .getByText(`${MEMBER_ORG} a déjà un·e travailleur·se inscrit·e dans ce groupe.`),
    );
    await see(refused.getByText('Une seule personne par organisation et par groupe', { exact: false }));
    // Another person chosen in the same form: the refusal, about Youssef, goes.
    await refused.getByRole('button', { name: `Changer : ${YOUSSEF} est choisi` }).click();
    await refused.getByTestId('registration-taken').waitFor({ state: 'detached' });
    // A worker of an organisation that is not a member: €150.
    await pick(refused, 'Participant·e', 'claes', SOFIE);
    await refused.getByLabel("Date d'inscription").fill('2024-09-20');
    await refused.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await see(page.getByText(`${SOFIE} est inscrit·e : cotisation de 150,00${NBSP}€ (tarif non-membre).`));
    expect((await cells(page, 'registrations-table', LOTTE)).slice(0, 8)).toEqual([
      LOTTE,
      MEMBER_ORG,
      '16/09/2024',
      'Inscrit·e',
      `120,00${NBSP}€`,
      'Membre',
      'Non payé',
      '—',
    ]);
    expect((await cells(page, 'registrations-table', SOFIE)).slice(4, 6)).toEqual([
      `150,00${NBSP}€`,
      'Non-membre',
    ]);
    expect(await page.getByTestId('registrations-table').getByText(YOUSSEF).count()).toBe(0);

    // November is cancelled, with its reason; October was held by video.
    await page.getByRole('button', { name: 'Annuler la séance du 14/11/2024' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annuler la séance du 14/11/2024' });
    await dialog.getByRole('button', { name: 'Annuler la séance', exact: true }).click();
    await see(dialog.getByText('Ce champ est obligatoire.'));
    await dialog.getByLabel("Raison de l'annulation").fill('Grève des transports en commun');
    await dialog.getByRole('button', { name: 'Annuler la séance', exact: true }).click();
    await see(page.getByText('La séance du 14/11/2024 est annulée.'));
    await page.getByRole('button', { name: 'Marquer comme tenue en visio la séance du 10/10/2024' }).click();
    await see(page.getByText('La séance du 10/10/2024 est marquée comme tenue en visio.'));
    expect((await cells(page, 'sessions-table', '14/11/2024')).slice(2, 3)).toEqual([
      'AnnuléeGrève des transports en commun',
    ]);
    expect((await cells(page, 'sessions-table', '10/10/2024')).slice(2, 3)).toEqual(['Tenue en visio']);

    // Who was there in October.
    await page.getByRole('button', { name: 'Présences à la séance du 10/10/2024' }).click();
    const attendance = page.getByRole('form', { name: 'Présences à la séance du 10/10/2024' });
    await attendance.getByRole('checkbox', { name: `${LOTTE} (${MEMBER_ORG})` }).check();
    await attendance.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await see(page.getByText('Les présences à la séance du 10/10/2024 sont enregistrées.'));
    expect((await cells(page, 'sessions-table', '10/10/2024')).slice(3, 4)).toEqual(['Présent·es : 1 sur 2']);
    // The hosts to come: both participants' organisations.
    expect(await page.getByTestId('hosts-pending').getByRole('listitem').allTextContents()).toEqual([
      MEMBER_ORG,
      OTHER_ORG,
    ]);
    await screenshot(page, '41-intervision-group');

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
    await see(participants.getByRole('link', { name: `${LOTTE} – ${MEMBER_ORG}` }));
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
