import type { Prng } from './prng.js';

/** The part of JSON Schema the routes' TypeBox schemas use (inline in the OpenAPI document). */
export interface Schema {
  type?: string | string[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minProperties?: number;
  default?: unknown;
}

/** Text that has broken servers: NUL, a lone surrogate, right-to-left, emoji, combining marks. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  'שלום עולם',
  'مرحبا',
  '🏠👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ',
  '\ufeff',
  '\u200b',
  '\r\n',
  '   ',
  '',
  "'; drop table users; --",
  '%00',
  '../../etc/passwd',
  '${7*7}',
  '=cmd|"/c calc"!A1',
  '\\',
  '"',
  'null',
  '-1',
  '1e308',
  'NaN',
  '0x10',
  '\u{10ffff}',
  '\uffff',
];

/** Values of every JSON type, for a field that expects another. */
const WRONG_TYPES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  '',
  'text',
  [],
  [1, 'a'],
  {},
  { nested: { deep: [null] } },
];

/** Numbers at and past the edges every integer or number field is tried with. */
const EDGE_NUMBERS = [
  0,
  -1,
  1,
  -0.5,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
];

const LETTERS = 'abcdefghijklmnopqrstuvwxyzàéèçëïôABCDEZ ';

/** A string matching the simple regular expressions the schemas use (classes, groups, counts). */
export function fromPattern(pattern: string, rng: Prng): string {
  let i = 0;
  function atom(): () => string {
    const c = pattern[i++]!;
    if (c === '(') {
      const alternatives: (() => string)[][] = [[]];
      while (i < pattern.length && pattern[i] !== ')') {
        if (pattern[i] === '|') {
          i++;
          alternatives.push([]);
          continue;
        }
        alternatives[alternatives.length - 1]!.push(quantified());
      }
      i++; // ')'
      return () =>
        rng
          .pick(alternatives)
          .map((f) => f())
          .join('');
    }
    if (c === '[') {
      const chars: string[] = [];
      while (pattern[i] !== ']') {
        let from = pattern[i++]!;
        if (from === '\\') from = pattern[i++]!;
        if (pattern[i] === '-' && pattern[i + 1] !== ']') {
          const to = pattern[i + 1]!;
          i += 2;
          for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++)
            chars.push(String.fromCharCode(code));
        } else chars.push(from);
      }
      i++;
      return () => rng.pick(chars);
    }
    if (c === '\\') {
      const e = pattern[i++]!;
      if (e === 'd') return () => String(rng.int(0, 9));
      if (e === 'w') return () => rng.pick([...'abcxyz019_']);
      if (e === 's') return () => ' ';
      return () => e;
    }
    if (c === '.') return () => rng.pick([...LETTERS]);
    return () => c;
  }
  function quantified(): () => string {
    const a = atom();
    let min = 1;
    let max = 1;
    const q = pattern[i];
    if (q === '?') [min, max, i] = [0, 1, i + 1];
    else if (q === '*') [min, max, i] = [0, 4, i + 1];
    else if (q === '+') [min, max, i] = [1, 4, i + 1];
    else if (q === '{') {
      const end = pattern.indexOf('}', i);
      const [lo, hi] = pattern.slice(i + 1, end).split(',');
      min = Number(lo);
      max = hi === undefined ? min : hi === '' ? min + 4 : Number(hi);
      i = end + 1;
    }
    return () => {
      let out = '';
      for (let n = rng.int(min, max); n > 0; n--) out += a();
      return out;
    };
  }
  const parts: (() => string)[] = [];
  while (i < pattern.length) {
    if (pattern[i] === '^' || pattern[i] === '$') {
      i++;
      continue;
    }
    parts.push(quantified());
  }
  return parts.map((f) => f()).join('');
}

export interface Ids {
  /** An id a field of this name could refer to, from records the run has seen, or a new one. */
  forField(name: string): string;
}

/** Dates whose field names say they end something come later, so that most ranges hold. */
function randomDate(rng: Prng, name: string): string {
  const ends = /^(to|end|until)|(Until|End|To|ends|On)$/.test(name) && !/^(starts|from|held)/.test(name);
  const y = ends ? rng.pick([2029, 2030, 2031]) : rng.pick([2015, 2020, 2024, 2025, 2026]);
  return `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function validString(schema: Schema, name: string, rng: Prng, ids: Ids): string {
  switch (schema.format) {
    case 'uuid':
      return ids.forField(name);
    case 'date':
      return randomDate(rng, name);
    case 'date-time':
      return `${randomDate(rng, name)}T${String(rng.int(0, 23)).padStart(2, '0')}:00:00.000Z`;
    case 'email':
      return `fuzz-${rng.hex(6)}@exemple.test`;
  }
  if (schema.pattern) return fromPattern(schema.pattern, rng);
  if (/fileName$/i.test(name)) return `fuzz-${rng.hex(4)}.${rng.pick(['csv', 'xlsx'])}`;
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  let out = '';
  for (let n = rng.int(Math.max(min, 1), Math.max(max, 1)); n > 0; n--) out += rng.pick([...LETTERS]);
  if (out.trim() === '') out = 'Fictif';
  return out.slice(0, schema.maxLength ?? out.length).padEnd(min, 'x');
}

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/**
 * A value the schema accepts (as far as formats and patterns go), with ids from the run;
 * `minimal` leaves out optional references and codes, which makes a create most likely to land.
 */
export function validValue(
  schema: Schema,
  name: string,
  rng: Prng,
  ids: Ids,
  depth = 0,
  minimal = false,
): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  if (schema.anyOf) {
    const options = schema.anyOf.filter((s) => s.type !== 'null');
    if (options.length === 0 || (options.length < schema.anyOf.length && rng.chance(0.15))) return null;
    return validValue(rng.pick(options), name, rng, ids, depth, minimal);
  }
  switch (typeOf(schema)) {
    case 'string':
      return validString(schema, name, rng, ids);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1) + 1;
      const max = Math.min(schema.maximum ?? min + 100, min + 1000);
      const n = rng.int(Math.ceil(min), Math.floor(max));
      return typeOf(schema) === 'number' && rng.chance(0.3) && n < max ? n + 0.5 : n;
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array': {
      const items = schema.items ?? { type: 'string' };
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 3, min + 3);
      const out: unknown[] = [];
      for (let n = rng.int(min, max), tries = 0; out.length < n && tries < 20; tries++) {
        const v = validValue(items, singular(name), rng, ids, depth + 1);
        if (!schema.uniqueItems || !out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
      }
      return out;
    }
    case 'object':
    default: {
      if (!schema.properties || depth > 6) return {};
      const required = new Set(schema.required ?? []);
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties)) {
        // Minimal: optional references and patterned codes are left out, plain text half the time.
        const plain = !/"(format|pattern)"/.test(JSON.stringify(sub));
        if (required.has(key) || ((!minimal || plain) && rng.chance(0.5)))
          out[key] = validValue(sub, key, rng, ids, depth + 1, minimal);
      }
      if (Object.keys(out).length < (schema.minProperties ?? 0)) {
        const [key, sub] = rng.pick(Object.entries(schema.properties));
        out[key] = validValue(sub, key, rng, ids, depth + 1);
      }
      return out;
    }
  }
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}

export type Mutation = 'boundary' | 'wrongType' | 'unicode';

/** A value for the schema that is at or past its edges, of the wrong type, or hostile text. */
export function badValue(schema: Schema, kind: Mutation, rng: Prng): unknown {
  const options = schema.anyOf ? schema.anyOf.filter((s) => s.type !== 'null') : [schema];
  const s = options.length ? rng.pick(options) : schema;
  if (kind === 'wrongType') return rng.pick(WRONG_TYPES);
  if (kind === 'unicode') {
    const hostile = rng.pick(HOSTILE_STRINGS);
    return rng.chance(0.5) ? hostile : `Asbl ${hostile} fictive`;
  }
  switch (typeOf(s)) {
    case 'string': {
      const lengths = [
        0,
        1,
        s.minLength ?? 0,
        (s.minLength ?? 1) - 1,
        s.maxLength ?? 300,
        (s.maxLength ?? 300) + 1,
        100_000,
      ];
      const n = Math.max(0, rng.pick(lengths));
      if (s.format === 'date')
        return rng.pick([
          '0000-01-01',
          '9999-12-31',
          '2026-02-30',
          '-271821-04-20',
          '2026-13-01',
          '275760-09-14',
        ]);
      if (s.format === 'date-time')
        return rng.pick(['0000-01-01T00:00:00Z', '9999-12-31T23:59:60Z', '2026-01-01']);
      if (s.format === 'uuid')
        return rng.pick([
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
          'not-a-uuid',
        ]);
      return 'x'.repeat(n);
    }
    case 'integer':
    case 'number': {
      const edges = [
        s.minimum,
        s.maximum,
        s.minimum === undefined ? undefined : s.minimum - 1,
        s.maximum === undefined ? undefined : s.maximum + 1,
      ];
      return rng.pick([...EDGE_NUMBERS, ...edges.filter((e): e is number => e !== undefined)]);
    }
    case 'array': {
      const n = rng.pick([0, (s.maxItems ?? 10) + 1, 1000]);
      return Array.from({ length: n }, (_, i) =>
        s.items?.format === 'uuid' ? `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` : `item ${i}`,
      );
    }
    case 'boolean':
      return rng.pick(['yes', 0, 1, 'true']);
    default:
      return rng.pick([{}, { '': null }, { ['\u0000']: 1 }, []]);
  }
}

/** Path parameters the router and the handlers must refuse politely. */
export const MALFORMED_PATH_VALUES = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '0',
  '1e308',
  'a'.repeat(150),
  '%00',
  '%ff',
  '%E0%A4%A',
  '%ED%A0%80',
  '..%2f..%2f',
  'null',
  'undefined',
  '%20',
  "'",
  '%F0%9F%8F%A0',
];
