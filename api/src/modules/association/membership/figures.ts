import { and, asc, between, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { FigureRecordItem, Locale } from '@smes/shared';
import { dues, memberships, organisations, people } from '../../../db/schema/index.js';
import {
  defineFigure,
  nameOrder,
  qb,
  recordColumns,
  type FigureScope,
  type RecordReader,
} from '../../reports/figures/define.js';

/*
 * The association's figures. Members: membership periods that overlap the period (for one day,
 * from = to, "members on that day"); an organisation or person with two periods in it counts
 * once. Dues: those of the calendar years the period touches (dues are per year).
 */

const M = memberships;
const D = dues;

const overlaps = (scope: FigureScope) =>
  and(sql`${M.startsOn} <= ${scope.to}`, or(isNull(M.endsOn), sql`${M.endsOn} >= ${scope.from}`));

const memberOrganisations = (scope: FigureScope) =>
  qb
    .selectDistinctOn([M.organisationId], recordColumns({ id: M.id, organisationId: M.organisationId }))
    .from(M)
    .where(and(isNotNull(M.organisationId), overlaps(scope)))
    .orderBy(M.organisationId, sql`${M.startsOn} desc`);

const memberPeople = (scope: FigureScope) =>
  qb
    .selectDistinctOn([M.personId], recordColumns({ id: M.id }))
    .from(M)
    .where(and(isNotNull(M.personId), overlaps(scope)))
    .orderBy(M.personId, sql`${M.startsOn} desc`);

const years = (scope: FigureScope) =>
  between(D.year, Number(scope.from.slice(0, 4)), Number(scope.to.slice(0, 4)));

/** Dues of the period's years; `value` is the amount owed, or with `received` the amount paid. */
const duesOf = (scope: FigureScope, where?: SQL, received = false) =>
  qb
    .select(
      recordColumns({
        id: D.id,
        value: received ? D.paidAmount : D.amountDue,
        organisationId: D.organisationId,
      }),
    )
    .from(D)
    .where(and(years(scope), where));

const label = (fr: string, nl: string) => ({ fr, nl });

export const figures = [
  defineFigure({
    id: 'association.members.organisations',
    pole: 'association',
    unit: 'count',
    kind: 'membership',
    version: 1,
    label: label('Organisations membres', 'Lid-organisaties'),
    dimensions: ['sector', 'commune'],
    records: memberOrganisations,
  }),
  defineFigure({
    id: 'association.members.people',
    pole: 'association',
    unit: 'count',
    kind: 'membership',
    version: 1,
    label: label('Membres à titre individuel', 'Individuele leden'),
    records: memberPeople,
  }),
  defineFigure({
    id: 'association.dues.due',
    pole: 'association',
    unit: 'money',
    kind: 'due',
    version: 1,
    label: label('Cotisations dues', 'Verschuldigde lidgelden'),
    dimensions: ['sector'],
    records: (scope) => duesOf(scope),
  }),
  defineFigure({
    id: 'association.dues.paid',
    pole: 'association',
    unit: 'money',
    kind: 'due',
    // 2: what was paid (the payment's amount, decision 19), no longer the amount owed of what is paid.
    version: 2,
    label: label('Cotisations payées', 'Betaalde lidgelden'),
    dimensions: ['sector'],
    records: (scope) => duesOf(scope, isNotNull(D.paidOn), true),
  }),
  defineFigure({
    id: 'association.dues.outstanding',
    pole: 'association',
    unit: 'difference',
    of: ['association.dues.due', 'association.dues.paid'],
    kind: 'due',
    // 2: due minus what was paid (an over-payment lowers it, a partial payment leaves the rest).
    version: 2,
    label: label('Cotisations restant dues', 'Openstaande lidgelden'),
  }),
  defineFigure({
    id: 'association.dues.unpaid',
    pole: 'association',
    unit: 'count',
    kind: 'due',
    version: 1,
    label: label('Cotisations impayées', 'Onbetaalde lidgelden'),
    records: (scope) => duesOf(scope, isNull(D.paidOn)),
  }),
];

const holderName = (r: {
  nameFr: string | null;
  nameNl: string | null;
  firstName: string | null;
  lastName: string | null;
}) =>
  r.firstName !== null
    ? `${r.firstName} ${r.lastName}`
    : { ...(r.nameFr !== null ? { fr: r.nameFr } : {}), ...(r.nameNl !== null ? { nl: r.nameNl } : {}) };

const holderColumns = {
  organisationId: organisations.id,
  nameFr: organisations.nameFr,
  nameNl: organisations.nameNl,
  firstName: people.firstName,
  lastName: people.lastName,
};
/** An organisation by its name in `locale`, a person by last then first name. */
const holderOrder = (locale: Locale) => [
  nameOrder(locale, organisations.nameFr, organisations.nameNl, people.lastName),
  sql`lower(${people.firstName})`,
];

export const readers: RecordReader[] = [
  {
    kind: 'membership',
    read: async (db, { ids, limit, offset, locale }) =>
      (
        await db
          .select({ id: M.id, startsOn: M.startsOn, endsOn: M.endsOn, ...holderColumns })
          .from(M)
          .leftJoin(organisations, eq(organisations.id, M.organisationId))
          .leftJoin(people, eq(people.id, M.personId))
          .where(sql`${M.id} in (${ids})`)
          .orderBy(...holderOrder(locale), asc(M.id))
          .limit(limit)
          .offset(offset)
      ).map((m): FigureRecordItem => ({
        kind: 'membership',
        id: m.id,
        name: holderName(m),
        date: m.startsOn,
        endsOn: m.endsOn,
      })),
  },
  {
    kind: 'due',
    read: async (db, { ids, limit, offset, locale }) =>
      (
        await db
          .select({
            id: D.id,
            year: D.year,
            amountDue: D.amountDue,
            paidOn: D.paidOn,
            paidAmount: D.paidAmount,
            ...holderColumns,
          })
          .from(D)
          .leftJoin(organisations, eq(organisations.id, D.organisationId))
          .leftJoin(people, eq(people.id, D.personId))
          .where(sql`${D.id} in (${ids})`)
          .orderBy(asc(D.year), ...holderOrder(locale), asc(D.id))
          .limit(limit)
          .offset(offset)
      ).map((d): FigureRecordItem => ({
        kind: 'due',
        id: d.id,
        name: holderName(d),
        ...(d.paidOn ? { date: d.paidOn } : {}),
        status: d.paidOn ? 'paid' : 'unpaid',
        amount: Number(d.amountDue),
        ...(d.paidAmount !== null ? { paid: Number(d.paidAmount) } : {}),
      })),
  },
];
