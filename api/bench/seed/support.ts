import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { supportInterventions, supportPersons, supportRequests, users } from '../../src/db/schema/index.js';
import { secondsSince } from '../lib/measure.js';
import { Random } from '../lib/random.js';
import { BENCH_TODAY } from './intervision.js';

/** Rows per INSERT: well under the 65,535 bind parameters a statement may carry. */
const BATCH = 500;
/** Ten years of requests, 2017 to the fixed day the data is seen from (BENCH_TODAY). */
const FIRST_YEAR = 2017;
const YEARS = 10;
/** Requests a year at scale 1: Smes Support took 36 in 2020 and about 50 in an ordinary year. */
export const REQUESTS_PER_YEAR = 50;

/** Codes as the app makes them: six letters or digits without 0/O/1/I. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const code = (prefix: string, n: number) => {
  let s = '';
  for (let i = 0; i < 6; i++) {
    s = ALPHABET[n % ALPHABET.length] + s;
    n = Math.floor(n / ALPHABET.length);
  }
  return `${prefix}-${s}`;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

type Place = (typeof supportInterventions.$inferInsert)['place'];
type Kind = (typeof supportRequests.$inferInsert)['requesterKind'];

export interface SupportSeed {
  requests: number;
  interventions: number;
  persons: number;
  seconds: number;
}

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Ten years of Support requests from a seeded generator (the same rows on every run), straight
 * into the tables: `REQUESTS_PER_YEAR × scale` a year, received on working hours (their Brussels
 * day is their UTC day), 94 % from a worker of the directory with their organisation's sectors,
 * the others from a relative, a friend, a neighbour…; 58 % about a woman; answered 0–12 days
 * later (most within the week), discussed in team, one to three interventions by a pair for
 * 60 % of the answered, closed 2–20 weeks later unless that is after BENCH_TODAY (the 3 % never
 * answered too, as withdrawn or without follow-up). The last weeks' requests are
 * what the due board shows: some answered, most not yet.
 */
export async function seedSupport(db: Db, scale: number, seed = 20_261_201): Promise<SupportSeed> {
  const start = performance.now();
  const rnd = new Random(seed);
  const { rows: workers } = (await db.execute(sql`
    select a.person_id as "personId", a.organisation_id as "organisationId",
      coalesce((select array_agg(s.sector_id::text order by s.sector_id) from organisation_sectors s
        where s.organisation_id = a.organisation_id), '{}') as "sectorIds"
    from affiliations a where a.ends_on is null order by a.id limit 2000`)) as unknown as {
    rows: { personId: string; organisationId: string; sectorIds: string[] }[];
  };
  if (!workers.length) throw new Error('seed the directory first');

  // The Support team: four workers who answer and go out in pairs.
  const team: string[] = [];
  for (let i = 0; i < 4; i++) {
    const id = rnd.uuid();
    team.push(id);
    await db.insert(users).values({
      id,
      email: `bench-support-team-${i}-${process.pid}@example.org`,
      displayName: `Équipe Support ${i + 1}`,
      passwordHash: 'not-a-hash: never signs in',
      role: 'worker',
      poles: ['support'],
    });
  }

  const persons: (typeof supportPersons.$inferInsert)[] = [];
  const requests: (typeof supportRequests.$inferInsert)[] = [];
  const interventions: (typeof supportInterventions.$inferInsert)[] = [];
  const perYear = Math.round(REQUESTS_PER_YEAR * scale);
  for (let y = 0; y < YEARS; y++) {
    const year = FIRST_YEAR + y;
    const first = `${year}-01-01`;
    const days = Math.min(daysBetween(first, `${year}-12-31`), daysBetween(first, BENCH_TODAY)) + 1;
    // The current year is not over: its share of the year's requests so far.
    const count = Math.round((perYear * days) / 365);
    for (let i = 0; i < count; i++) {
      const day = addDays(first, rnd.int(days));
      const receivedAt = new Date(
        `${day}T${String(7 + rnd.int(9)).padStart(2, '0')}:${String(rnd.int(60)).padStart(2, '0')}:00Z`,
      );
      // A second request about someone already known, one time in five.
      let personId: string;
      if (persons.length && rnd.chance(0.2)) personId = rnd.pick(persons).id!;
      else {
        personId = rnd.uuid();
        persons.push({
          id: personId,
          code: code('P', persons.length + 1),
          initials: rnd.chance(0.7)
            ? `${rnd.pick([...'ABCDEFGHJKLMNPRSTV'])}.${rnd.pick([...'ABCDEFGHJKLMNPRSTV'])}.`
            : null,
          gender: rnd.weighted([
            ['female', 58],
            ['male', 38],
            ['other', 1],
            ['unknown', 3],
          ]),
          ageBand: rnd.pick(['18_25', '26_40', '41_60', 'over_60', 'unknown'] as const),
          housing: rnd.pick([
            'street',
            'emergency_shelter',
            'staying_with_others',
            'institution',
            'own_home',
          ] as const),
          language: rnd.chance(0.7) ? 'fr' : 'nl',
        });
      }
      const kind = rnd.weighted<Kind>([
        ['professional', 94],
        ['relative', 3],
        ['friend', 1],
        ['neighbour', 1],
        ['shopkeeper', 1],
      ]);
      const worker = rnd.pick(workers);
      const id = rnd.uuid();
      const dueOn = addDays(day, 7);
      // Answered 0–12 days after (most within the week), unless that is still to come.
      const delay = rnd.weighted([
        [rnd.int(3), 50],
        [3 + rnd.int(5), 40],
        [8 + rnd.int(5), 10],
      ]);
      const answerOn = addDays(day, delay);
      const answered = answerOn <= BENCH_TODAY && rnd.chance(0.97);
      const discussedOn = addDays(day, rnd.int(7));
      const closedOn = addDays(day, 14 + rnd.int(126));
      // Answered requests close 2–20 weeks later; the few never answered are closed as withdrawn
      // or without follow-up once the team gives up on them (the due board does not keep years).
      const closed = closedOn <= BENCH_TODAY && (answered ? rnd.chance(0.95) : true);
      const hasIntervention = answered && rnd.chance(0.6);
      const pair = () => {
        const a = rnd.int(team.length);
        return [team[a]!, team[(a + 1 + rnd.int(team.length - 1)) % team.length]!] as const;
      };
      let lastIntervention: string | null = null;
      if (hasIntervention) {
        for (let n = 1 + rnd.int(3), k = 0; k < n; k++) {
          const heldOn = addDays(answerOn, 1 + k * 7 + rnd.int(7));
          if (heldOn > BENCH_TODAY || (closed && heldOn > closedOn)) break;
          const [w1, w2] = pair();
          interventions.push({
            id: rnd.uuid(),
            requestId: id,
            heldOn,
            firstWorkerId: w1,
            secondWorkerId: w2,
            place: rnd.weighted<Place>([
              ['requester_service', 40],
              ['place_of_life', 30],
              ['street', 20],
              ['phone_or_video', 10],
            ]),
            durationMinutes: 30 + 15 * rnd.int(8),
            notes: 'Rencontre avec le service demandeur et la personne (note fictive).',
          });
          lastIntervention = heldOn;
        }
      }
      requests.push({
        id,
        code: code('S', requests.length + 1),
        receivedAt,
        dueOn,
        channel: rnd.weighted([
          ['phone', 55],
          ['email', 35],
          ['in_person', 7],
          ['other', 3],
        ]),
        requesterKind: kind,
        requesterPersonId: kind === 'professional' ? worker.personId : null,
        requesterOrganisationId: kind === 'professional' ? worker.organisationId : null,
        requesterSectorIds: kind === 'professional' ? worker.sectorIds : [],
        requesterName: kind === 'professional' ? null : 'Proche (nom fictif)',
        requesterCallBack: kind === 'professional' ? null : '0470 00 00 00',
        personId,
        impasse: 'Impasse fictive : la personne refuse l’aide proposée, l’équipe ne sait plus comment faire.',
        status: closed
          ? 'closed'
          : lastIntervention
            ? 'intervention'
            : discussedOn <= BENCH_TODAY
              ? 'discussed'
              : 'new',
        discussedOn: discussedOn <= BENCH_TODAY ? discussedOn : null,
        firstAnswerOn: answered ? answerOn : null,
        firstAnswerBy: answered ? rnd.pick(team) : null,
        firstAnswerHow: answered ? rnd.pick(['phone', 'email', 'in_person', 'video'] as const) : null,
        closedOn: closed ? closedOn : null,
        closeReason: !closed
          ? null
          : answered
            ? rnd.pick(['unblocked', 'referred', 'withdrawn', 'no_follow_up'] as const)
            : rnd.pick(['withdrawn', 'no_follow_up'] as const),
        createdAt: receivedAt,
      });
    }
  }
  await insertAll(persons, (b) => db.insert(supportPersons).values(b));
  await insertAll(requests, (b) => db.insert(supportRequests).values(b));
  await insertAll(interventions, (b) => db.insert(supportInterventions).values(b));
  await db.execute(sql`vacuum analyze support_persons`);
  await db.execute(sql`vacuum analyze support_requests`);
  await db.execute(sql`vacuum analyze support_interventions`);
  return {
    requests: requests.length,
    interventions: interventions.length,
    persons: persons.length,
    seconds: secondsSince(start),
  };
}
