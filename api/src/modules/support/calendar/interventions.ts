import type { SupportInterventionPlace } from '@smes/shared';
import type { CalendarSource } from './sources.js';
import { interventionsOfWorker } from './repository.js';

const PLACES: Record<SupportInterventionPlace, { fr: string; nl: string }> = {
  requester_service: { fr: 'Service du demandeur', nl: 'Dienst van de aanvrager' },
  place_of_life: { fr: 'Lieu de vie', nl: 'Leefplaats' },
  street: { fr: 'Rue', nl: 'Straat' },
  phone_or_video: { fr: 'Téléphone ou vidéo', nl: 'Telefoon of video' },
};

/**
 * The worker's interventions, one whole-day event each: the person's code, the kind of place
 * and the requester's organisation; never the impasse, the notes or a name.
 */
export const interventionEvents: CalendarSource = {
  async events(db, { userId, from, locale }) {
    const rows = await interventionsOfWorker(db, userId, from);
    return rows.map((r) => {
      const organisation =
        locale === 'nl' ? (r.organisationNl ?? r.organisationFr) : (r.organisationFr ?? r.organisationNl);
      return {
        uid: `${r.id}@smes-support-intervention`,
        day: r.heldOn,
        summary: `${locale === 'nl' ? 'Interventie' : 'Intervention'} ${r.personCode}`,
        location: PLACES[r.place][locale],
        ...(organisation
          ? { description: `${locale === 'nl' ? 'Aanvrager' : 'Demandeur'} : ${organisation}` }
          : {}),
        sequence: 0,
        shows: { supportRequests: [r.requestId], supportPersons: [r.personId] },
      };
    });
  },
};
