import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import {
  intervisionAttendance,
  intervisionCycles,
  intervisionGroups,
  intervisionRegistrations,
  intervisionSessions,
} from '../../src/db/schema/index.js';
import { secondsSince } from '../lib/measure.js';
import { Random } from '../lib/random.js';

/** Rows per INSERT: well under the 65,535 bind parameters a statement may carry. */
const BATCH = 1000;
/** Ten cycles, 2017-2018 to 2026-2027: the last is under way. */
const FIRST_YEAR = 2017;
const CYCLES = 10;
/**
 * The day the data is seen from, fixed so that every run builds the same rows: sessions before
 * it are held (or cancelled), after it planned; fees after it are not paid yet.
 */
export const BENCH_TODAY = '2026-11-16';
/** Held by video, or cancelled, far more often while the pandemic kept rooms closed. */
const LOCKDOWN = { from: '2020-03-14', to: '2021-06-30' };

const WEEKDAYS = {
  fr: ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
  nl: ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'],
} as const;
const KINDS = {
  fr: {
    intersectoral: 'Intervision intersectorielle',
    peer_experts: 'Experts du vécu',
    exchange_table: "Table d'échange",
  },
  nl: {
    intersectoral: 'Intersectorale intervisie',
    peer_experts: 'Ervaringsdeskundigen',
    exchange_table: 'Uitwisselingstafel',
  },
} as const;
const CANCEL_REASONS = [
  'Trop peu de participants disponibles',
  'Animatrice malade',
  'Grève des transports',
  'Te weinig deelnemers',
  'Begeleider ziek',
  'Salle indisponible',
] as const;

type Kind = keyof (typeof KINDS)['fr'];
type Status = (typeof intervisionSessions.$inferInsert)['status'];
type RegistrationStatus = (typeof intervisionRegistrations.$inferInsert)['status'];

export interface IntervisionSeed {
  cycles: number;
  groups: number;
  sessions: number;
  registrations: number;
  attendance: number;
  seconds: number;
  /** The cycle under way (its schedule, its unpaid fees) and the last complete one (its figures). */
  currentCycleId: string;
  lastCycleId: string;
  /** The current cycle's group with the most registrations. */
  largestCurrentGroupId: string;
  /** The last complete cycle's group with the most sessions (and attendance) on its page. */
  busiestLastGroupId: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** The `ordinal`-th `weekday` (1 = Monday) of a month, as a group's date rule gives it. */
function nthWeekday(year: number, month: number, weekday: number, ordinal: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (weekday - (((first.getUTCDay() + 6) % 7) + 1) + 7) % 7;
  return iso(new Date(Date.UTC(year, month - 1, 1 + offset + (ordinal - 1) * 7)));
}

/** Something between `n` and `n` + `spread`, times `scale`, never under 1. */
const scaled = (rnd: Random, n: number, spread: number, scale: number) =>
  Math.max(1, Math.round((n + rnd.next() * spread) * scale));

/** A Belgian structured communication, as banks carry it: +++123/4567/89012+++. */
function structured(rnd: Random): string {
  const digits = String(rnd.int(10_000_000_000)).padStart(10, '0');
  const check = Number(digits) % 97 || 97;
  const all = `${digits}${String(check).padStart(2, '0')}`;
  return `+++${all.slice(0, 3)}/${all.slice(3, 7)}/${all.slice(7)}+++`;
}

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Ten years of intervision on a seeded directory: per cycle, 4–6 groups (× `scale`) of about
 * ten registrations (× `scale`) taken from the directory's current affiliations (a worker and
 * the organisation they work for, one organisation per group), a few on the waiting list or
 * withdrawn, most paid; 3–8 monthly sessions per group, held, held by video, cancelled or
 * planned, with the attendance of the held ones. Registrations of cycles whose year is over
 * have lost their participant, as the retention job leaves them.
 */
export async function seedIntervision(db: Db, scale: number, seed = 20_261_116): Promise<IntervisionSeed> {
  const start = performance.now();
  const rnd = new Random(seed);

  // Workers and their current employers, in a stable order so that the same seed picks the same.
  const { rows: workers } = (await db.execute(sql`
    select a.person_id as "personId", a.organisation_id as "organisationId"
    from affiliations a where a.ends_on is null order by a.id`)) as unknown as {
    rows: { personId: string; organisationId: string }[];
  };
  // Facilitators: a pair from mental health and from social work, a small team year after year.
  const { rows: staff } = (await db.execute(sql`
    select distinct on (a.person_id) a.person_id as "personId", r.code
    from affiliations a
    join organisation_sectors s on s.organisation_id = a.organisation_id
    join reference_items r on r.id = s.sector_id
    where a.ends_on is null and r.code in ('mental_health', 'general_social')
    order by a.person_id, r.code`)) as unknown as { rows: { personId: string; code: string }[] };
  const mental = staff.filter((s) => s.code === 'mental_health').slice(0, 8);
  const social = staff.filter((s) => s.code === 'general_social').slice(0, 8);
  if (!workers.length || !mental.length || !social.length) throw new Error('seed the directory first');

  const cycles: (typeof intervisionCycles.$inferInsert)[] = [];
  const groups: (typeof intervisionGroups.$inferInsert)[] = [];
  const sessions: (typeof intervisionSessions.$inferInsert)[] = [];
  const registrations: (typeof intervisionRegistrations.$inferInsert)[] = [];
  const attendance: (typeof intervisionAttendance.$inferInsert)[] = [];
  const groupSize = new Map<string, { cycleId: string; registrations: number; sessions: number }>();

  for (let c = 0; c < CYCLES; c++) {
    const year = FIRST_YEAR + c;
    const cycleId = rnd.uuid();
    const endsOn = `${year + 1}-08-31`;
    const older = year < 2021;
    cycles.push({
      id: cycleId,
      name: `${year}-${year + 1}`,
      startsOn: `${year}-09-01`,
      endsOn,
      memberFee: older ? '100' : '120',
      nonMemberFee: older ? '130' : '150',
      createdAt: new Date(`${year}-06-15T09:00:00Z`),
    });
    // The retention job has run on the 1st of January after the cycle's year.
    const anonymisedOn = endsOn < `${BENCH_TODAY.slice(0, 4)}-01-01` ? `${year + 2}-01-01` : null;
    const groupCount = scaled(rnd, 3.5, 3, scale);
    const perLanguage = { fr: 0, nl: 0 };
    for (let g = 0; g < groupCount; g++) {
      const language = rnd.chance(0.6) ? 'fr' : 'nl';
      const kind = rnd.weighted<Kind>([
        ['intersectoral', 80],
        ['peer_experts', 10],
        ['exchange_table', 10],
      ]);
      const weekday = 1 + rnd.int(5);
      const morning = rnd.chance(0.5);
      const groupId = rnd.uuid();
      const capacity = 10 * Math.max(1, Math.round(scale));
      // Usually a mental health and a social work facilitator; sometimes a pair the system warns about.
      const pair = rnd.weighted<string[]>([
        [[rnd.pick(mental).personId, rnd.pick(social).personId], 85],
        [[rnd.pick(social).personId], 10],
        [[...new Set([rnd.pick(social).personId, rnd.pick(social).personId])], 5],
      ]);
      perLanguage[language] += 1;
      groups.push({
        id: groupId,
        cycleId,
        name: `${KINDS[language][kind]} ${language.toUpperCase()} ${perLanguage[language]} – ${WEEKDAYS[language][weekday]}`,
        kind,
        language,
        weekday,
        startTime: morning ? '09:30' : '13:30',
        endTime: morning ? '12:30' : '16:30',
        capacity,
        facilitatorIds: pair,
        createdAt: new Date(`${year}-06-20T09:00:00Z`),
      });

      // Registrations in the order they came: the first `capacity` get a seat, the others wait;
      // a few of the seated withdraw, and free a seat for the next in line.
      const total = scaled(rnd, 8, 5, scale);
      const days = Array.from({ length: total }, () => rnd.int(60)).sort((x, y) => x - y);
      const leaving = new Map<number, number>();
      for (let i = 0; i < Math.min(total, capacity); i++)
        if (rnd.chance(0.08)) leaving.set(i, 20 + rnd.int(150));
      const withdrawals = [...leaving.entries()].filter(
        ([i, after]) => addDays(`${year}-08-20`, days[i]! + after) <= BENCH_TODAY,
      ).length;
      const usedOrganisations = new Set<string>();
      const mine: {
        id: string;
        organisationId: string;
        status: RegistrationStatus;
        withdrawnOn: string | null;
      }[] = [];
      for (let i = 0; i < total; i++) {
        let worker = rnd.pick(workers);
        while (usedOrganisations.has(worker.organisationId)) worker = rnd.pick(workers);
        usedOrganisations.add(worker.organisationId);
        const registeredOn = addDays(`${year}-08-20`, days[i]!);
        const after = leaving.get(i);
        // A withdrawal still to come (in the current cycle) has not happened: still registered.
        const withdrawnOn = after === undefined ? null : addDays(registeredOn, after);
        const status: RegistrationStatus =
          withdrawnOn && withdrawnOn <= BENCH_TODAY
            ? 'withdrawn'
            : i < capacity + withdrawals
              ? 'registered'
              : 'waiting';
        const memberRate = rnd.chance(0.55);
        const paidChance = status === 'waiting' ? 0 : status === 'withdrawn' ? 0.4 : 0.93;
        let paidOn = rnd.chance(paidChance) ? addDays(registeredOn, 7 + rnd.int(120)) : null;
        if (paidOn && paidOn > BENCH_TODAY) paidOn = null;
        const id = rnd.uuid();
        mine.push({
          id,
          organisationId: worker.organisationId,
          status,
          withdrawnOn: status === 'withdrawn' ? withdrawnOn : null,
        });
        registrations.push({
          id,
          groupId,
          personId: anonymisedOn ? null : worker.personId,
          organisationId: worker.organisationId,
          registeredOn,
          status,
          withdrawnOn: status === 'withdrawn' ? withdrawnOn : null,
          fee: memberRate ? cycles[c]!.memberFee! : cycles[c]!.nonMemberFee!,
          memberRate,
          paidOn,
          paidAmount: paidOn ? (memberRate ? cycles[c]!.memberFee! : cycles[c]!.nonMemberFee!) : null,
          paymentMethod: paidOn ? 'transfer' : null,
          paymentReference: paidOn ? structured(rnd) : null,
          anonymisedOn,
          createdAt: new Date(`${registeredOn}T${String(8 + rnd.int(10)).padStart(2, '0')}:00:00Z`),
        });
      }

      // Sessions: monthly from October, the group's ordinal weekday; hosts take turns.
      const count = 3 + rnd.int(6);
      const firstMonth = 10 + rnd.int(9 - count + 1);
      const ordinal = 1 + rnd.int(4);
      const hosts = mine.filter((r) => r.status === 'registered').map((r) => r.organisationId);
      for (let s = 0; s < count; s++) {
        const month = ((firstMonth + s - 1) % 12) + 1;
        const startsOn = nthWeekday(month >= 9 ? year : year + 1, month, weekday, ordinal);
        const lockdown = startsOn >= LOCKDOWN.from && startsOn <= LOCKDOWN.to;
        const status: Status =
          startsOn > BENCH_TODAY
            ? 'planned'
            : rnd.weighted<Status>(
                lockdown
                  ? [
                      ['held_video', 70],
                      ['cancelled', 20],
                      ['held', 10],
                    ]
                  : [
                      ['held', 80],
                      ['held_video', 8],
                      ['cancelled', 9],
                      // A past session nobody marked.
                      ['planned', 3],
                    ],
              );
        const sessionId = rnd.uuid();
        const host = status === 'held_video' || (status === 'planned' && rnd.chance(0.5)) ? null : hosts[s];
        sessions.push({
          id: sessionId,
          groupId,
          startsOn,
          hostOrganisationId: host ?? null,
          status,
          cancelReason: status === 'cancelled' ? rnd.pick(CANCEL_REASONS) : null,
        });
        if (status === 'held' || status === 'held_video') {
          for (const r of mine) {
            const present =
              r.status === 'registered'
                ? rnd.chance(0.85)
                : r.status === 'withdrawn' && startsOn < r.withdrawnOn! && rnd.chance(0.8);
            if (present) attendance.push({ sessionId, registrationId: r.id });
          }
        }
      }
      groupSize.set(groupId, { cycleId, registrations: mine.length, sessions: count });
    }
  }

  await insertAll(cycles, (b) => db.insert(intervisionCycles).values(b));
  await insertAll(groups, (b) => db.insert(intervisionGroups).values(b));
  await insertAll(sessions, (b) => db.insert(intervisionSessions).values(b));
  await insertAll(registrations, (b) => db.insert(intervisionRegistrations).values(b));
  await insertAll(attendance, (b) => db.insert(intervisionAttendance).values(b));
  // As autovacuum would have, once the rows are in.
  await db.execute(
    sql`vacuum analyze intervision_cycles, intervision_groups, intervision_sessions, intervision_registrations, intervision_attendance`,
  );

  const currentCycleId = cycles[CYCLES - 1]!.id!;
  const lastCycleId = cycles[CYCLES - 2]!.id!;
  const largest = (cycleId: string, by: (g: { registrations: number; sessions: number }) => number) =>
    [...groupSize.entries()]
      .filter(([, g]) => g.cycleId === cycleId)
      .reduce((best, entry) => (by(entry[1]) > by(best[1]) ? entry : best))[0];
  return {
    cycles: cycles.length,
    groups: groups.length,
    sessions: sessions.length,
    registrations: registrations.length,
    attendance: attendance.length,
    seconds: secondsSince(start),
    currentCycleId,
    lastCycleId,
    largestCurrentGroupId: largest(currentCycleId, (g) => g.registrations),
    busiestLastGroupId: largest(lastCycleId, (g) => g.sessions * 1000 + g.registrations),
  };
}
