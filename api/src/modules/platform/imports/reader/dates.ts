export type DateParse =
  { ok: true; value: string } | { ok: false; code: 'format' | 'invalid'; message: string };

const DAY_MS = 86_400_000;
/** The last day Excel can show (9999-12-31). */
const MAX_SERIAL = 2_958_465;

// A time after the date is tolerated and dropped: Excel's CSV export often adds "00:00".
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
// Day first, as in Belgium; the same separator twice, so "01/02-2024" is not a date.
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME.replace('[T ]', '\\s+')}$`);
// Five digits at least: in a text cell "1985" is a year typed alone, not 1905-06-07. Serials
// under 10000 (before 1927-05-18) are therefore refused, a price worth paying.
const SERIAL = /^\d{5,7}(?:[.,]\d+)?$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoDate(year: number, month: number, day: number): DateParse {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over to 2/03; a date that does not come back unchanged does not exist.
  if (year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, code: 'invalid', message: `${pad(day)}/${pad(month)}/${year} does not exist` };
  }
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/**
 * Excel counts days from 1900-01-01 = 1 but believes 1900 was a leap year (a bug kept from
 * Lotus 1-2-3), so serial 60 is the non-existent 29/02/1900 and every serial from 61 on is one
 * day ahead of a plain count: 45292 is 2024-01-01. A fraction is the time of day, dropped.
 */
export function excelSerialToIso(serial: number): DateParse {
  const days = Math.floor(serial);
  if (days === 60) return { ok: false, code: 'invalid', message: '29/02/1900 does not exist' };
  if (days < 1 || days > MAX_SERIAL) {
    return { ok: false, code: 'invalid', message: `${serial} is not an Excel date` };
  }
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return { ok: true, value: new Date(epoch + days * DAY_MS).toISOString().slice(0, 10) };
}

/** Reads the date forms partners type, into ISO `yyyy-mm-dd`. */
export function parseDate(text: string): DateParse {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) return isoDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]));
  if (SERIAL.test(value)) return excelSerialToIso(Number(value.replace(',', '.')));
  if (/^\d{1,4}$/.test(value)) {
    return { ok: false, code: 'format', message: `"${value}" looks like a year, not a full date` };
  }
  return { ok: false, code: 'format', message: `"${value}" is not a date (expected dd/mm/yyyy)` };
}

// A date-time as partners type it: day first or ISO, then hours and minutes (seconds dropped).
const CLOCK = String.raw`(?:[T ]|\s+)(\d{1,2})[:hH.](\d{2})(?::\d{2}(?:\.\d+)?)?`;
const ISO_TIME = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${CLOCK}$`);
const DAY_FIRST_TIME = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${CLOCK}$`);
const SERIAL_TIME = /^(\d{5,7})[.,](\d+)$/;

function withClock(date: DateParse, hours: number, minutes: number): DateParse {
  if (!date.ok) return date;
  if (hours > 23 || minutes > 59) {
    return { ok: false, code: 'invalid', message: `${hours}:${pad(minutes)} is not a time of day` };
  }
  return { ok: true, value: `${date.value}T${pad(hours)}:${pad(minutes)}` };
}

/**
 * Reads a date with an optional time of day, as a wall clock: `yyyy-mm-dd` when only the day is
 * given, else `yyyy-mm-ddThh:mm` (dd/mm/yyyy hh:mm, ISO, or an Excel serial with its fraction).
 * The caller says which zone the clock is in; an explicit offset or `Z` is not accepted.
 */
export function parseDateTime(text: string): DateParse {
  const value = text.trim();
  const iso = ISO_TIME.exec(value);
  if (iso)
    return withClock(isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])), Number(iso[4]), Number(iso[5]));
  const dayFirst = DAY_FIRST_TIME.exec(value);
  if (dayFirst) {
    const date = isoDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]));
    return withClock(date, Number(dayFirst[5]), Number(dayFirst[6]));
  }
  const serial = SERIAL_TIME.exec(value);
  if (serial) {
    const minutes = Math.round(Number(`0.${serial[2]}`) * 24 * 60);
    // 23:59:59.9 rounds to the next day's midnight: kept on its own day.
    const clamped = Math.min(minutes, 24 * 60 - 1);
    return withClock(excelSerialToIso(Number(serial[1])), Math.floor(clamped / 60), clamped % 60);
  }
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(value) && /\d:\d{2}/.test(value)) {
    return {
      ok: false,
      code: 'format',
      message: `"${value}": write the time as in Brussels, without a zone`,
    };
  }
  const date = parseDate(value);
  if (!date.ok && date.code === 'format') {
    return { ok: false, code: 'format', message: `"${value}" is not a date (expected dd/mm/yyyy hh:mm)` };
  }
  return date;
}
