import type { CalendarSource } from './sources.js';
import { supervisionSessionsOfWorker } from './repository.js';

/** The worker's supervision sessions, one whole-day event each: the team and its organisation. */
export const supervisionEvents: CalendarSource = {
  async events(db, { userId, from, locale }) {
    const rows = await supervisionSessionsOfWorker(db, userId, from);
    return rows.map((r) => {
      const organisation =
        locale === 'nl' ? (r.organisationNl ?? r.organisationFr) : (r.organisationFr ?? r.organisationNl);
      return {
        uid: `${r.id}@smes-support-supervision`,
        day: r.startsOn,
        summary: `${locale === 'nl' ? 'Supervisie' : 'Supervision'} ${r.team}`,
        ...(organisation ? { location: organisation } : {}),
        cancelled: r.status === 'cancelled',
        sequence: r.version - 1,
        shows: {},
      };
    });
  },
};
