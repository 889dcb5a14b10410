import { asc, between, sql } from 'drizzle-orm';
import type { FigureRecordItem } from '@smes/shared';
import { representationMeetings } from '../../../db/schema/index.js';
import { defineFigure, qb, recordColumns, type RecordReader } from '../../reports/figures/define.js';

const M = representationMeetings;

/** Representation and concertation meetings held in the period (per year: a year's period). */
export const figures = [
  defineFigure({
    id: 'connect.representation.meetings',
    pole: 'connect',
    unit: 'count',
    kind: 'representation_meeting',
    // 2: its records carry their day, for the year dimension.
    version: 2,
    label: { fr: 'Réunions de représentation', nl: 'Vertegenwoordigingen' },
    dimensions: ['year'],
    records: (scope) =>
      qb
        .select(recordColumns({ id: M.id, date: M.heldOn }))
        .from(M)
        .where(between(M.heldOn, scope.from, scope.to)),
  }),
];

export const readers: RecordReader[] = [
  {
    kind: 'representation_meeting',
    read: async (db, { ids, limit, offset }) =>
      (
        await db
          .select({ id: M.id, heldOn: M.heldOn, body: M.body, topic: M.topic })
          .from(M)
          .where(sql`${M.id} in (${ids})`)
          .orderBy(asc(M.heldOn), asc(M.id))
          .limit(limit)
          .offset(offset)
      ).map((m): FigureRecordItem => ({
        kind: 'representation_meeting',
        id: m.id,
        name: m.topic,
        date: m.heldOn,
        detail: m.body,
      })),
  },
];
