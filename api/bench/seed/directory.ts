import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import {
  affiliations,
  organisationSectors,
  organisations,
  people,
  referenceItems,
} from '../../src/db/schema/index.js';
import { matchKey, searchKey } from '../../src/lib/text.js';
import { secondsSince } from '../lib/measure.js';
import { Random } from '../lib/random.js';
import {
  BILINGUAL_TYPES,
  FIRST_NAMES,
  FR_PROPER,
  FR_TYPES,
  FUNCTIONS,
  LAST_NAMES,
  NEIGHBOURHOODS,
  NL_PROPER,
  NL_TYPES,
  RARE_LAST_NAME,
  RARE_WORDS,
  STREETS,
} from './names.js';

/** Rows per INSERT: well under the 65,535 bind parameters a statement may carry. */
const BATCH = 1000;
/** Realistic volume for Smes: the Brussels directory at scale 1. */
export const ORGANISATIONS_PER_SCALE = 10_000;
export const PEOPLE_PER_SCALE = 10_000;

type Language = 'fr' | 'nl' | 'other';
type Ref = { id: string; code: string; labelFr: string; labelNl: string; postalCodes: string[] };

export interface SeedSummary {
  organisations: number;
  people: number;
  affiliations: number;
  organisationSectors: number;
  seconds: number;
  /** The organisation most people work for: the "people of one organisation" query uses it. */
  largestOrganisationId: string;
  sectorIds: Record<string, string>;
}

async function refs(db: Db, kind: 'sector' | 'commune'): Promise<Ref[]> {
  return db
    .select({
      id: referenceItems.id,
      code: referenceItems.code,
      labelFr: referenceItems.labelFr,
      labelNl: referenceItems.labelNl,
      postalCodes: referenceItems.postalCodes,
    })
    .from(referenceItems)
    .where(eq(referenceItems.kind, kind))
    .orderBy(referenceItems.sortOrder);
}

/** "d'Anderlecht", "de Forest": French elides before a vowel. */
const de = (place: string) => (/^[aeiouyàâéèêîïôûæœh]/i.test(place) ? `d'${place}` : `de ${place}`);

/** Sectors are not equally common: general social and health work outnumber the rest. */
const SECTOR_WEIGHTS: Record<string, number> = {
  general_social: 4,
  general_health: 3,
  mental_health: 2,
  homeless: 2,
  youth: 2,
  housing: 2,
};

function organisationName(rnd: Random, commune: Ref): { nameFr: string | null; nameNl: string | null } {
  const placeFr = rnd.chance(0.7) ? commune.labelFr : rnd.pick(NEIGHBOURHOODS);
  const placeNl = placeFr === commune.labelFr ? commune.labelNl : placeFr;
  const rare = rnd.chance(0.002) ? ` ${rnd.pick(RARE_WORDS)}` : '';
  const kind = rnd.weighted<Language | 'both'>([
    ['fr', 60],
    ['nl', 20],
    ['both', 20],
  ]);
  if (kind === 'both') {
    const [fr, nl] = rnd.pick(BILINGUAL_TYPES);
    return { nameFr: `${fr} ${de(placeFr)}${rare}`, nameNl: `${nl} ${placeNl}${rare}` };
  }
  if (kind === 'fr') {
    const type = rnd.pick(FR_TYPES);
    const proper = rnd.pick(FR_PROPER);
    const base = rnd.weighted<() => string>([
      [() => `${type} ${de(placeFr)}`, 35],
      [() => `${type} ${proper}`, 20],
      [() => proper, 15],
      [() => `${proper} ${placeFr}`, 15],
      [() => `${type} ${proper} ${de(placeFr)}`, 15],
    ])();
    return { nameFr: `${base}${rare}${rnd.chance(0.4) ? ' asbl' : ''}`, nameNl: null };
  }
  const type = rnd.pick(NL_TYPES);
  const proper = rnd.pick(NL_PROPER);
  const base = rnd.weighted<() => string>([
    [() => `${type} ${placeNl}`, 35],
    [() => `${type} ${proper}`, 25],
    [() => proper, 15],
    [() => `${proper} ${placeNl}`, 25],
  ])();
  return { nameFr: null, nameNl: `${base}${rare}${rnd.chance(0.4) ? ' vzw' : ''}` };
}

function personName(rnd: Random) {
  const lang = rnd.weighted<Language>([
    ['fr', 45],
    ['nl', 30],
    ['other', 25],
  ]);
  // Brussels families mix: a quarter of people have a first name from another list.
  const firstLang = rnd.chance(0.75) ? lang : rnd.pick<Language>(['fr', 'nl', 'other']);
  const firstName = rnd.pick(FIRST_NAMES[firstLang]);
  const lastName = rnd.chance(0.0005) ? RARE_LAST_NAME : rnd.pick(LAST_NAMES[lang]);
  return { firstName, lastName, lang };
}

const isoDate = (rnd: Random, fromYear: number, toYear: number) => {
  const y = fromYear + rnd.int(toYear - fromYear + 1);
  return `${y}-${String(1 + rnd.int(12)).padStart(2, '0')}-${String(1 + rnd.int(28)).padStart(2, '0')}`;
};

/**
 * Fills the directory with `scale` × 10,000 organisations and people, in multi-row INSERTs,
 * with the search and match keys computed by the application's own functions.
 */
export async function seedDirectory(db: Db, scale: number, seed = 20_260_101): Promise<SeedSummary> {
  const start = performance.now();
  const rnd = new Random(seed);
  const [sectors, communes] = await Promise.all([refs(db, 'sector'), refs(db, 'commune')]);
  const brussels = communes.filter((c) => c.code !== 'outside_brussels');
  const sectorWeights = sectors.map((s) => [s, SECTOR_WEIGHTS[s.code] ?? 1] as const);

  const orgCount = Math.round(ORGANISATIONS_PER_SCALE * scale);
  const orgIds: string[] = [];
  let sectorRows = 0;
  for (let offset = 0; offset < orgCount; offset += BATCH) {
    const rows: (typeof organisations.$inferInsert)[] = [];
    const links: (typeof organisationSectors.$inferInsert)[] = [];
    for (let i = offset; i < Math.min(orgCount, offset + BATCH); i++) {
      const commune = rnd.chance(0.95) ? rnd.pick(brussels) : rnd.pick(communes);
      const { nameFr, nameNl } = organisationName(rnd, commune);
      const id = rnd.uuid();
      orgIds.push(id);
      rows.push({
        id,
        nameFr,
        nameNl,
        // As organisations/service.ts computes them.
        searchKey: searchKey(nameFr, nameNl),
        matchKey: matchKey(nameFr ?? nameNl),
        street: `${rnd.pick(STREETS)} ${1 + rnd.int(250)}`,
        postalCode: commune.postalCodes[0] ?? null,
        communeId: commune.id,
        city: nameFr ? 'Bruxelles' : 'Brussel',
        languages: nameFr && nameNl ? ['fr', 'nl'] : nameFr ? ['fr'] : ['nl'],
        email: rnd.chance(0.7) ? `contact${i}@example.org` : null,
        closedOn: rnd.chance(0.03) ? isoDate(rnd, 2015, 2024) : null,
      });
      const first = rnd.weighted(sectorWeights);
      links.push({ organisationId: id, sectorId: first.id });
      if (rnd.chance(0.4)) {
        const second = rnd.weighted(sectorWeights);
        if (second.id !== first.id) links.push({ organisationId: id, sectorId: second.id });
      }
    }
    await db.insert(organisations).values(rows);
    await db.insert(organisationSectors).values(links);
    sectorRows += links.length;
  }

  const personCount = Math.round(PEOPLE_PER_SCALE * scale);
  // Skewed: a few large organisations (a CPAS, a hospital) employ many, most employ a handful.
  const employer = () => orgIds[Math.floor(orgIds.length * rnd.next() ** 2)]!;
  let affiliationRows = 0;
  for (let offset = 0; offset < personCount; offset += BATCH) {
    const rows: (typeof people.$inferInsert)[] = [];
    const jobs: (typeof affiliations.$inferInsert)[] = [];
    for (let i = offset; i < Math.min(personCount, offset + BATCH); i++) {
      const { firstName, lastName, lang } = personName(rnd);
      const id = rnd.uuid();
      rows.push({
        id,
        firstName,
        lastName,
        // As people/service.ts computes them (its `keys()`).
        searchKey: searchKey(`${firstName} ${lastName}`),
        matchKey: matchKey(`${lastName} ${firstName}`),
        email: rnd.chance(0.6) ? `${matchKey(`${firstName}.${lastName}`)}${i}@example.org` : null,
        language: lang === 'other' ? rnd.pick(['fr', 'nl', 'en', 'other']) : lang,
      });
      const jobCount = rnd.weighted([
        [0, 5],
        [1, 80],
        [2, 15],
      ]);
      for (let j = 0; j < jobCount; j++) {
        const startsOn = isoDate(rnd, 2005, 2024);
        jobs.push({
          id: rnd.uuid(),
          personId: id,
          organisationId: employer(),
          function: rnd.chance(0.8) ? rnd.pick(FUNCTIONS) : null,
          startsOn,
          // A second job is usually a past one.
          endsOn: j > 0 && rnd.chance(0.8) ? isoDate(rnd, Number(startsOn.slice(0, 4)) + 1, 2025) : null,
        });
      }
    }
    await db.insert(people).values(rows);
    if (jobs.length) await db.insert(affiliations).values(jobs);
    affiliationRows += jobs.length;
  }

  // Production tables have been analysed by autovacuum; a freshly loaded one has not.
  await db.execute(sql`vacuum analyze`);
  return {
    organisations: orgCount,
    people: personCount,
    affiliations: affiliationRows,
    organisationSectors: sectorRows,
    seconds: secondsSince(start),
    largestOrganisationId: orgIds[0]!,
    sectorIds: Object.fromEntries(sectors.map((s) => [s.code, s.id])),
  };
}
