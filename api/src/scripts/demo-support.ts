import type { Db } from '../db/client.js';
import { todayInBrussels } from '../lib/dates.js';
import { findByExternalRef, updateOrganisation } from '../modules/directory/organisations/repository.js';
import { createOrganisation } from '../modules/directory/organisations/service.js';
import { listReferenceItems } from '../modules/directory/reference/repository.js';
import { findImporter } from '../modules/platform/users/repository.js';
import { createPerson } from '../modules/directory/people/service.js';
import * as requests from '../modules/support/requests/service.js';
import type { ServiceContext } from '../types.js';

/** The demo's requester service: its reference marks the Support demo as loaded (run twice, added once). */
const DEMO_SERVICE = 'Maison d’accueil Les Glycines (fictive)';
const DEMO_REF = 'demo-support';

const addDays = (day: string, n: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

/**
 * A few fictional Support requests in every state (new, discussed, answered with an intervention,
 * closed, overdue, from a neighbour), dated from today so that the due board shows them, taken
 * through the service as `coordinator` with `worker` as the other half of the pair. Every name,
 * initial and impasse is invented. Returns how many requests were added (0: already there).
 */
export async function loadSupportDemo(
  db: Db,
  emails: { coordinator: string; worker: string },
): Promise<number> {
  if (await findByExternalRef(db, DEMO_REF)) return 0;
  const coordinator = await findImporter(db, emails.coordinator);
  const worker = await findImporter(db, emails.worker);
  if (!coordinator || !worker) return 0;
  const ctx: ServiceContext = {
    db,
    actor: {
      id: coordinator.id,
      email: coordinator.email,
      role: coordinator.role,
      poles: coordinator.poles,
      locale: coordinator.locale,
      sessionId: 'demo',
    },
    ip: 'demo',
  };
  const homeless = (await listReferenceItems(db, 'sector', false)).find((s) => s.code === 'homeless');
  const organisation = await createOrganisation({
    ctx,
    input: {
      nameFr: DEMO_SERVICE,
      nameNl: 'Onthaalhuis De Blauweregen (fictief)',
      sectorIds: homeless ? [homeless.id] : [],
    },
  });
  // Its reference marks the demo as loaded (kept apart from the form's fields).
  await updateOrganisation(db, organisation.id, { externalRef: DEMO_REF });
  const requester = await createPerson({
    ctx,
    input: { firstName: 'Nadia', lastName: 'Fictivo', affiliations: [{ organisationId: organisation.id }] },
  });
  const professional = {
    kind: 'professional' as const,
    personId: requester.id,
    organisationId: organisation.id,
  };
  const today = todayInBrussels();
  const day = (n: number) => addDays(today, n);
  const take = (daysAgo: number, extra: Partial<Parameters<typeof requests.createRequest>[0]['input']>) =>
    requests.createRequest({
      ctx,
      input: {
        receivedAt: `${day(-daysAgo)}T08:30:00Z`,
        channel: 'phone',
        requester: professional,
        person: { initials: 'A.D.', gender: 'female', ageBand: '41_60', housing: 'street' },
        impasse:
          'Madame dort devant le centre depuis des semaines et refuse toute orientation (situation fictive).',
        ...extra,
      },
    });
  const pair = [coordinator.id, worker.id];

  // New: came this morning.
  await take(0, { channel: 'email', person: { initials: 'J.', gender: 'male', ageBand: '26_40' } });
  // Discussed in team yesterday, not answered yet: due in four days.
  const discussed = await take(3, {
    person: { gender: 'male', ageBand: 'over_60', housing: 'own_home' },
    impasse: 'Monsieur accumule des objets chez lui, le bailleur menace d’expulsion (situation fictive).',
  });
  await requests.recordDiscussion({ ctx, id: discussed.id, input: { discussedOn: day(-1) } });
  // Overdue: the week has passed without an answer.
  await take(10, {
    person: { initials: 'M.K.', gender: 'female', ageBand: '18_25', housing: 'emergency_shelter' },
  });
  // From a neighbour (counted apart from the sectors), answered within the week.
  const neighbour = await take(5, {
    requester: { kind: 'neighbour', name: 'Voisine (nom fictif)', callBack: '0470 12 34 56' },
    person: { gender: 'female', ageBand: 'over_60', housing: 'own_home' },
    impasse: 'Une voisine âgée ne sort plus et ne répond plus à la porte (situation fictive).',
  });
  await requests.recordFirstAnswer({
    ctx,
    id: neighbour.id,
    input: { answeredOn: day(-2), byUserId: worker.id, how: 'phone' },
  });
  // Answered, then an intervention by the pair at the requester's service.
  const followed = await take(20, {});
  await requests.recordDiscussion({ ctx, id: followed.id, input: { discussedOn: day(-18) } });
  await requests.recordFirstAnswer({
    ctx,
    id: followed.id,
    input: { answeredOn: day(-18), byUserId: coordinator.id, how: 'phone' },
  });
  await requests.addIntervention({
    ctx,
    id: followed.id,
    input: {
      heldOn: day(-15),
      workerIds: pair,
      place: 'requester_service',
      durationMinutes: 90,
      notes: 'Rencontre avec l’équipe du centre ; piste d’un accueil de jour (note fictive).',
    },
  });
  // Closed: answered late, two interventions, then unblocked.
  const closed = await take(60, {
    channel: 'in_person',
    person: { initials: 'R.B.', gender: 'male', ageBand: '41_60', housing: 'staying_with_others' },
    impasse: 'Monsieur refuse de voir un médecin malgré une plaie qui s’aggrave (situation fictive).',
  });
  await requests.recordFirstAnswer({
    ctx,
    id: closed.id,
    input: { answeredOn: day(-50), byUserId: worker.id, how: 'in_person' },
  });
  for (const [heldOn, place] of [
    [day(-48), 'street'],
    [day(-40), 'place_of_life'],
  ] as const) {
    await requests.addIntervention({ ctx, id: closed.id, input: { heldOn, workerIds: pair, place } });
  }
  await requests.closeRequest({ ctx, id: closed.id, input: { closedOn: day(-30), reason: 'unblocked' } });
  return 6;
}
