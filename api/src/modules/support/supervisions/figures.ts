import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { FigureRecordItem } from '@smes/shared';
import { organisations, supportSupervisionSessions, supportSupervisions } from '../../../db/schema/index.js';
import {
  defineFigure,
  qb,
  recordColumns,
  type FigureScope,
  type RecordReader,
} from '../../reports/figures/define.js';

/*
 * Support's supervisions on the figure engine (decision 28): the sessions held in the period
 * (a planned or cancelled session counts nothing), and the teams they were held for — a team
 * being an organisation and its team's name, counted once however many agreements it had.
 */

const S = supportSupervisions;
const X = supportSupervisionSessions;

const heldIn = (scope: FigureScope) => and(eq(X.status, 'held'), between(X.startsOn, scope.from, scope.to));

export const figures = [
  defineFigure({
    id: 'support.supervisions.sessions',
    pole: 'support',
    unit: 'count',
    kind: 'support_supervision_session',
    version: 1,
    label: { fr: 'Séances de supervision données', nl: 'Gegeven supervisiesessies' },
    dimensions: ['year', 'sector'],
    records: (scope) =>
      qb
        .select(recordColumns({ id: X.id, date: X.startsOn, organisationId: S.organisationId }))
        .from(X)
        .innerJoin(S, eq(S.id, X.supervisionId))
        .where(heldIn(scope)),
  }),
  defineFigure({
    id: 'support.supervisions.teams',
    pole: 'support',
    unit: 'count',
    kind: 'support_supervision',
    version: 1,
    label: { fr: 'Équipes supervisées', nl: 'Gesuperviseerde teams' },
    dimensions: ['sector'],
    // One record per team (its organisation and name, case and spaces aside): its first agreement
    // with a session held in the period.
    records: (scope) =>
      qb
        .selectDistinctOn(
          [S.organisationId, sql`lower(btrim(${S.team}))`],
          recordColumns({ id: S.id, organisationId: S.organisationId }),
        )
        .from(S)
        .innerJoin(X, eq(X.supervisionId, S.id))
        .where(heldIn(scope))
        .orderBy(S.organisationId, sql`lower(btrim(${S.team}))`, asc(S.startsOn), asc(S.id)),
  }),
];

const organisationOf = (r: { organisationId: string; nameFr: string | null; nameNl: string | null }) => ({
  id: r.organisationId,
  name: { ...(r.nameFr ? { fr: r.nameFr } : {}), ...(r.nameNl ? { nl: r.nameNl } : {}) },
});

export const readers: RecordReader[] = [
  {
    kind: 'support_supervision_session',
    read: async (db, { ids, limit, offset }) =>
      (
        await db
          .select({
            id: X.id,
            supervisionId: X.supervisionId,
            startsOn: X.startsOn,
            status: X.status,
            team: S.team,
            organisationId: S.organisationId,
            nameFr: organisations.nameFr,
            nameNl: organisations.nameNl,
          })
          .from(X)
          .innerJoin(S, eq(S.id, X.supervisionId))
          .innerJoin(organisations, eq(organisations.id, S.organisationId))
          .where(sql`${X.id} in (${ids})`)
          .orderBy(asc(X.startsOn), asc(X.id))
          .limit(limit)
          .offset(offset)
      ).map((r): FigureRecordItem => ({
        kind: 'support_supervision_session',
        id: r.id,
        parentId: r.supervisionId,
        name: r.team,
        date: r.startsOn,
        status: r.status,
        organisation: organisationOf(r),
      })),
  },
  {
    kind: 'support_supervision',
    read: async (db, { ids, limit, offset }) =>
      (
        await db
          .select({
            id: S.id,
            team: S.team,
            startsOn: S.startsOn,
            organisationId: S.organisationId,
            nameFr: organisations.nameFr,
            nameNl: organisations.nameNl,
          })
          .from(S)
          .innerJoin(organisations, eq(organisations.id, S.organisationId))
          .where(sql`${S.id} in (${ids})`)
          .orderBy(sql`lower(${S.team})`, asc(S.id))
          .limit(limit)
          .offset(offset)
      ).map((r): FigureRecordItem => ({
        kind: 'support_supervision',
        id: r.id,
        name: r.team,
        date: r.startsOn,
        organisation: organisationOf(r),
      })),
  },
];
