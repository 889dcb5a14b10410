import { describe, expect, it } from 'vitest';
import { parseCell } from './cells.js';
import { excelSerialToIso, parseDate, parseDateTime } from './dates.js';

describe('dates', () => {
  it.each([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['05/03/2024 00:00', '2024-03-05'],
    ['2024-03-05T10:30:00', '2024-03-05'],
    ['45292', '2024-01-01'],
    ['45292.75', '2024-01-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it('counts Excel serials across its 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(excelSerialToIso(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(excelSerialToIso(60)).toMatchObject({ ok: false, code: 'invalid' });
    expect(excelSerialToIso(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(excelSerialToIso(2_958_465)).toEqual({ ok: true, value: '9999-12-31' });
    expect(excelSerialToIso(0)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it.each(['31/02/2024', '29/02/2023', '00/01/2024', '12/13/2024', '2024-04-31'])(
    'refuses the impossible %s',
    (text) => {
      expect(parseDate(text)).toMatchObject({ ok: false, code: 'invalid' });
    },
  );

  it.each(['demain', '1985', '05/03/24', '05/03-2024', '2024/03/05', '3 mars 2024'])(
    'refuses the unrecognised %s',
    (text) => {
      expect(parseDate(text)).toMatchObject({ ok: false, code: 'format' });
    },
  );

  it('says why 31/02/2024 is refused', () => {
    expect(parseDate('31/02/2024')).toEqual({
      ok: false,
      code: 'invalid',
      message: '31/02/2024 does not exist',
    });
  });
});

describe('date-times', () => {
  it.each([
    ['02/03/2026 09:15', '2026-03-02T09:15'],
    ['2/3/2026 9h05', '2026-03-02T09:05'],
    ['02.03.2026 17.30', '2026-03-02T17:30'],
    ['2026-03-02 09:15:59', '2026-03-02T09:15'],
    ['2026-03-02T09:15:00', '2026-03-02T09:15'],
    ['46083.375', '2026-03-02T09:00'],
    ['46083,5', '2026-03-02T12:00'],
    ['02/03/2026', '2026-03-02'],
    ['46083', '2026-03-02'],
  ])('reads %s as the Brussels wall clock %s', (text, value) => {
    expect(parseDateTime(text)).toEqual({ ok: true, value });
  });

  it('refuses a time that is no time, a day that does not exist and a zone', () => {
    expect(parseDateTime('02/03/2026 25:00')).toMatchObject({ ok: false, code: 'invalid' });
    expect(parseDateTime('30/02/2026 09:00')).toMatchObject({ ok: false, code: 'invalid' });
    expect(parseDateTime('2026-03-02T09:15:00Z')).toMatchObject({ ok: false, code: 'format' });
    expect(parseDateTime('mardi matin')).toMatchObject({ ok: false, code: 'format' });
  });
});

describe('parseCell', () => {
  it('gives null for empty cells, or required when the field must be filled', () => {
    expect(parseCell('  ', 'text')).toEqual({ ok: true, value: null });
    expect(parseCell('', 'date', { required: true })).toMatchObject({ ok: false, code: 'required' });
  });

  it('trims text and dates', () => {
    expect(parseCell('  Sint-Jans-Molenbeek ', 'text')).toEqual({ ok: true, value: 'Sint-Jans-Molenbeek' });
    expect(parseCell(' 31/12/1990 ', 'date')).toEqual({ ok: true, value: '1990-12-31' });
  });

  it('checks e-mail addresses and lower-cases their domain only', () => {
    expect(parseCell('Amelie.Exemple@Example.BE', 'email')).toEqual({
      ok: true,
      value: 'Amelie.Exemple@example.be',
    });
    for (const bad of ['amelie', 'amelie@', 'a b@example.be', 'amelie@example', 'a@@example.be']) {
      expect(parseCell(bad, 'email')).toMatchObject({ ok: false, code: 'format' });
    }
  });

  it('splits lists on ; , | and new lines, dropping blanks and repeats', () => {
    expect(parseCell('Anderlecht; Molenbeek,, Evere|Anderlecht\nJette', 'list')).toEqual({
      ok: true,
      value: ['Anderlecht', 'Molenbeek', 'Evere', 'Jette'],
    });
  });

  it('reads yes and no in French, Dutch and English', () => {
    for (const yes of ['Oui', 'ja', 'YES', 'true', 'Vrai', 'x', '1'])
      expect(parseCell(yes, 'boolean')).toEqual({ ok: true, value: true });
    for (const no of ['non', 'Nee', 'no', 'FALSE', 'faux', 'onwaar', '0'])
      expect(parseCell(no, 'boolean')).toEqual({ ok: true, value: false });
    expect(parseCell('peut-être', 'boolean')).toMatchObject({ ok: false, code: 'format' });
  });

  it('reads whole numbers with Belgian thousands spaces, and refuses fractions', () => {
    expect(parseCell('1 080', 'integer')).toEqual({ ok: true, value: 1080 });
    expect(parseCell('12\u202f000', 'integer')).toEqual({ ok: true, value: 12000 });
    expect(parseCell('-5', 'integer')).toEqual({ ok: true, value: -5 });
    expect(parseCell('12.0', 'integer')).toEqual({ ok: true, value: 12 });
    expect(parseCell('12,5', 'integer')).toMatchObject({ ok: false, code: 'format' });
    expect(parseCell('1.234', 'integer')).toMatchObject({ ok: false, code: 'format' });
    expect(parseCell('99999999999999999999', 'integer')).toMatchObject({ ok: false, code: 'tooLarge' });
  });

  it.each([
    ['12,50', '12.5'],
    ['12.50', '12.5'],
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1 234,5', '1234.5'],
    ['-0,75', '-0.75'],
    ['007', '7'],
    ['0,00', '0'],
    ['0.1', '0.1'],
  ])('reads the decimal %s as %s', (text, value) => {
    expect(parseCell(text, 'decimal')).toEqual({ ok: true, value });
  });

  it.each(['12,5 €', 'abc', ',5', '1-2', '1e5'])('refuses %s as a decimal', (text) => {
    expect(parseCell(text, 'decimal')).toMatchObject({ ok: false, code: 'format' });
  });
});
