import type { FieldErrorCode } from '@smes/shared';
import { normaliseHeader } from './columns.js';
import { parseDate, parseDateTime } from './dates.js';
import type { FieldType } from './types.js';

/** What each field type parses to; decimals stay text so numeric columns get them exactly. */
export interface CellValues {
  text: string;
  date: string;
  /** `yyyy-mm-dd`, or `yyyy-mm-ddThh:mm` when a time of day is given (a wall clock). */
  datetime: string;
  email: string;
  list: string[];
  boolean: boolean;
  integer: number;
  decimal: string;
}

/** `code` is a shared FieldErrorCode, so the caller makes a FieldError by adding the field. */
export type CellParse<T> =
  { ok: true; value: T | null } | { ok: false; code: FieldErrorCode; message: string };

export interface CellOptions {
  /** An empty cell is an error ('required') rather than a null value. */
  required?: boolean;
}

type Parser<T> = (value: string) => CellParse<T>;

const fail = (code: FieldErrorCode, message: string) => ({ ok: false, code, message }) as const;

// Oui/non in French, ja/nee in Dutch, yes/no in English; "x" is the ticked box of a list.
const TRUE = new Set(['oui', 'vrai', 'ja', 'waar', 'yes', 'true', '1', 'x']);
const FALSE = new Set(['non', 'faux', 'nee', 'onwaar', 'no', 'false', '0']);
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
// Spaces as Belgian thousands separators, including the no-break ones Excel writes.
const GROUPING = /[\s\u00a0\u202f']/g;

const parsers: { [K in FieldType]: Parser<CellValues[K]> } = {
  text: (value) => ({ ok: true, value }),
  date: (value) => parseDate(value),
  datetime: (value) => parseDateTime(value),
  email: (value) => {
    if (value.length > 254 || !EMAIL.test(value))
      return fail('format', `"${value}" is not an e-mail address`);
    const at = value.lastIndexOf('@');
    return { ok: true, value: value.slice(0, at + 1) + value.slice(at + 1).toLowerCase() };
  },
  list: (value) => ({
    ok: true,
    value: [...new Set(value.split(/[;,|\n]/).map((item) => item.trim()))].filter((item) => item !== ''),
  }),
  boolean: (value) => {
    const word = normaliseHeader(value);
    if (TRUE.has(word)) return { ok: true, value: true };
    if (FALSE.has(word)) return { ok: true, value: false };
    return fail('format', `"${value}" is not yes or no`);
  },
  integer: (value) => {
    // "12.0" is how a spreadsheet may hand over 12; "1.234" is ambiguous and refused.
    const m = /^([+-]?\d+)(?:[.,]0+)?$/.exec(value.replace(GROUPING, ''));
    if (!m) return fail('format', `"${value}" is not a whole number`);
    const n = Number(m[1]);
    return Number.isSafeInteger(n) ? { ok: true, value: n } : fail('tooLarge', `${value} is too large`);
  },
  decimal: (value) => {
    const compact = value.replace(GROUPING, '');
    // With both separators the last one is the decimal mark (1.234,56 or 1,234.56); alone,
    // either is, since Belgian CSV writes 12,5 and XLSX numbers arrive as 12.5.
    const mark = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
    const whole = mark < 0 ? compact : compact.slice(0, mark).replace(/[.,]/g, '');
    const text = mark < 0 ? whole : `${whole}.${compact.slice(mark + 1)}`;
    const m = /^([+-]?)0*(\d+?)(?:\.(\d*?)0*)?$/.exec(text);
    if (!m || (mark >= 0 && whole.replace(/^[+-]/, '') === '')) {
      return fail('format', `"${value}" is not a number`);
    }
    const [, sign = '', int = '0', frac = ''] = m;
    const canonical = frac === '' ? int : `${int}.${frac}`;
    return { ok: true, value: canonical === '0' ? '0' : `${sign === '-' ? '-' : ''}${canonical}` };
  },
};

/**
 * Turns one cell's text into a field value, or says why it cannot, in the shared field error
 * codes ('format' for an unrecognised shape, 'invalid' for a date that does not exist…).
 * Empty cells give null, or 'required' when the field must be filled.
 */
export function parseCell<K extends FieldType>(
  value: string,
  type: K,
  opts: CellOptions = {},
): CellParse<CellValues[K]> {
  const trimmed = value.trim();
  if (trimmed === '')
    return opts.required ? fail('required', 'This field is required') : { ok: true, value: null };
  return parsers[type](trimmed);
}
