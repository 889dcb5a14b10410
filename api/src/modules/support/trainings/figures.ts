import { sql, type SQL } from 'drizzle-orm';
import type { FigureRecordItem } from '@smes/shared';
import type { Executor } from '../../../db/client.js';
import { defineFigure, type FigureScope, type RecordReader } from '../../reports/figures/define.js';

/*
 * Support's training figures (issue 15, decision 29). An edition belongs to the period of its
 * first day (an edition over two periods counts once); its participants with it. Sessions are
 * the days held in the period. Participants are the people named, plus the count a partner gave
 * for an edition it organised without naming them; by sector, each named participant counts in
 * each sector their organisation had on the registration day, kept on the registration (as a
 * Support request keeps its requester's), so a later change of sector does not rewrite a sent
 * report; a partner's count has no sector (an empty list: in no sector, never counted apart).
 */

const label = (fr: string, nl: string) => ({ fr, nl });

/** Editions whose first day falls in the period, with that day. */
const editionsOf = (scope: FigureScope): SQL => sql`
  select e.id, e.participant_count, first.day
  from support_training_editions e
  join lateral (select min(s.held_on) as day from support_training_sessions s where s.edition_id = e.id) as first
    on true
  where first.day between ${scope.from} and ${scope.to}`;

const editions = (scope: FigureScope): SQL =>
  sql`select ed.id as "id", ed.day as "date" from (${editionsOf(scope)}) as ed`;

/** One row per day held in the period; its record is the edition it belongs to. */
const sessions = (scope: FigureScope): SQL => sql`
  select s.edition_id as "id", s.held_on as "date"
  from support_training_sessions s
  where s.held_on between ${scope.from} and ${scope.to}`;

/**
 * One row per participant of the period's editions (the participant, their organisation) and
 * one row per person a partner counted without naming (the edition, no organisation).
 */
const participants = (scope: FigureScope): SQL => sql`
  select p.id as "id", p.organisation_id as "organisationId", p.sector_ids as "sectorIds", ed.day as "date"
  from (${editionsOf(scope)}) as ed
  join support_training_participants p on p.edition_id = ed.id
  union all
  select ed.id as "id", null::uuid as "organisationId", '{}'::uuid[] as "sectorIds", ed.day as "date"
  from (${editionsOf(scope)}) as ed
  cross join lateral generate_series(1, coalesce(ed.participant_count, 0))`;

export const figures = [
  defineFigure({
    id: 'support.trainings.editions',
    pole: 'support',
    unit: 'count',
    kind: 'support_training_edition',
    version: 1,
    label: label('Formations données', 'Gegeven opleidingen'),
    dimensions: ['year'],
    records: editions,
  }),
  defineFigure({
    id: 'support.trainings.sessions',
    pole: 'support',
    unit: 'count',
    kind: 'support_training_edition',
    version: 1,
    label: label('Journées de formation', 'Opleidingsdagen'),
    dimensions: ['year'],
    records: sessions,
  }),
  defineFigure({
    id: 'support.trainings.participants',
    pole: 'support',
    unit: 'count',
    kind: 'support_training_participant',
    version: 2,
    label: label('Participant·es aux formations', 'Deelnemers aan opleidingen'),
    dimensions: ['sector', 'year'],
    sectorsOnRecord: true,
    records: participants,
  }),
];

interface Row {
  kind: 'support_training_edition' | 'support_training_participant';
  id: string;
  edition_id: string;
  day: string | null;
  first_name: string | null;
  last_name: string | null;
  org_id: string | null;
  name_fr: string | null;
  name_nl: string | null;
  title_fr: string;
  title_nl: string;
  count: number | null;
}

const rowsOf = async (db: Executor, query: SQL) =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;

const day = sql`(select min(s.held_on)::text from support_training_sessions s where s.edition_id = e.id)`;

/** The editions named (and those of the days named), each with its module and organiser. */
const editionRows = (ids: SQL) => sql`
  select 'support_training_edition' as kind, e.id::text as id, e.id::text as edition_id, ${day} as day,
    null as first_name, null as last_name, o.id::text as org_id, o.name_fr, o.name_nl,
    m.title_fr, m.title_nl, e.participant_count as count
  from support_training_editions e
  join support_training_modules m on m.id = e.module_id
  left join organisations o on o.id = e.partner_organisation_id
  where e.id in (${ids})`;

const participantRows = (ids: SQL) => sql`
  select 'support_training_participant' as kind, p.id::text as id, e.id::text as edition_id, ${day} as day,
    pe.first_name, pe.last_name, o.id::text as org_id, o.name_fr, o.name_nl,
    m.title_fr, m.title_nl, null::int as count
  from support_training_participants p
  join support_training_editions e on e.id = p.edition_id
  join support_training_modules m on m.id = e.module_id
  join people pe on pe.id = p.person_id
  join organisations o on o.id = p.organisation_id
  where p.id in (${ids})`;

const toItem = (r: Row): FigureRecordItem => {
  const module = { fr: r.title_fr, nl: r.title_nl };
  const organisation =
    r.org_id !== null
      ? {
          organisation: {
            id: r.org_id,
            name: {
              ...(r.name_fr !== null ? { fr: r.name_fr } : {}),
              ...(r.name_nl !== null ? { nl: r.name_nl } : {}),
            },
          },
        }
      : {};
  if (r.kind === 'support_training_participant')
    return {
      kind: r.kind,
      id: r.id,
      parentId: r.edition_id,
      name: `${r.first_name} ${r.last_name}`,
      ...(r.day ? { date: r.day } : {}),
      ...organisation,
      detail: `${module.fr} / ${module.nl}`,
    };
  return {
    kind: r.kind,
    id: r.id,
    name: module,
    ...(r.day ? { date: r.day } : {}),
    ...organisation,
    ...(r.count !== null ? { detail: `${r.count} (${r.name_fr ?? r.name_nl ?? ''})` } : {}),
  };
};

export const readers: RecordReader[] = [
  {
    // The sessions figure's records are days, each named by its edition: an edition is listed once.
    kind: 'support_training_edition',
    read: async (db, { ids, limit, offset }) =>
      (
        await rowsOf(
          db,
          sql`select * from (${editionRows(ids)}) as r order by r.day, r.id limit ${limit} offset ${offset}`,
        )
      ).map(toItem),
  },
  {
    // A participant, or the edition whose participants a partner counted without naming them.
    kind: 'support_training_participant',
    read: async (db, { ids, limit, offset }) =>
      (
        await rowsOf(
          db,
          sql`select * from (${participantRows(ids)} union all ${editionRows(ids)}) as r
              order by r.day, lower(coalesce(r.last_name, '')), r.id limit ${limit} offset ${offset}`,
        )
      ).map(toItem),
  },
];
