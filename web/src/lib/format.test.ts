import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatNumber, formatPercent } from './format';

// What Node's ICU prints for Belgium; the browser's ICU agrees on these.
const NNBSP = '\u202f'; // narrow no-break space, the French thousands separator
const NBSP = '\u00a0'; // no-break space, before the French percent sign

describe('Belgian formats', () => {
  const at = '2026-11-23T14:05:00Z'; // 15:05 in Brussels (CET, UTC+1)
  const zone = { timeZone: 'Europe/Brussels' };

  it('writes dates day/month/year with four-digit years in both languages', () => {
    expect(formatDate(at, 'fr', zone)).toBe('23/11/2026');
    expect(formatDate(at, 'nl', zone)).toBe('23/11/2026');
  });

  it('writes date-times in Brussels time, each language in its own way', () => {
    expect(formatDateTime(at, 'fr', zone)).toBe('23/11/2026 15:05');
    expect(formatDateTime(at, 'nl', zone)).toBe('23/11/2026, 15:05');
  });

  it('writes calendar days as they are, whatever the time zone', () => {
    expect(formatDay('2026-01-01', 'fr')).toBe('01/01/2026');
    expect(formatDay('2026-12-31', 'nl')).toBe('31/12/2026');
  });

  it('follows summer time', () => {
    expect(formatDateTime('2026-07-01T08:30:00Z', 'fr', zone)).toBe('01/07/2026 10:30');
  });

  it('writes numbers with the Belgian separators', () => {
    expect(formatNumber(1234.5, 'fr')).toBe(`1${NNBSP}234,5`);
    expect(formatNumber(1234.5, 'nl')).toBe('1.234,5');
    expect(formatNumber(0, 'nl')).toBe('0');
  });

  it('writes shares as percentages, one decimal at most, the space as each language wants', () => {
    expect(formatPercent(0.3333, 'fr')).toBe(`33,3${NBSP}%`);
    expect(formatPercent(0.3333, 'nl')).toBe('33,3%');
    expect(formatPercent(1.25, 'nl')).toBe('125%');
    expect(formatPercent(0, 'fr')).toBe(`0${NBSP}%`);
  });
});
