import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '@/locales';
import { ruleLabel } from './rule-label';
import { seasonOf } from './season';
import { formatHour, formatHours, formatShortDay, ordinalKey, weekdayName, weekdayOf } from './weekdays';

async function translator(lng: 'fr' | 'nl') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources,
    lng,
    ns: ['intervision'],
    defaultNS: 'intervision',
    interpolation: { escapeValue: false },
  });
  const t = i18n.getFixedT(lng, 'intervision');
  return (key: string, options?: Record<string, unknown>) => t(key as 'schedule.line', options);
}

describe('weekdays', () => {
  it('names ISO weekdays (1 = Monday) in each language', () => {
    expect(weekdayName(1, 'fr')).toBe('lundi');
    expect(weekdayName(4, 'fr')).toBe('jeudi');
    expect(weekdayName(7, 'nl')).toBe('zondag');
    expect(weekdayName(4, 'nl')).toBe('donderdag');
  });

  it('reads the weekday of a calendar day without a time zone moving it', () => {
    expect(weekdayOf('2024-10-10')).toBe(4); // a Thursday
    expect(weekdayOf('2024-10-13')).toBe(7); // a Sunday
    expect(weekdayOf('2024-10-07')).toBe(1);
  });
});

describe('hours and days as Smes writes them', () => {
  it('writes 14h / 14u, with the minutes only when there are some', () => {
    expect(formatHour('14:00', 'fr')).toBe('14h');
    expect(formatHour('09:30', 'fr')).toBe('9h30');
    expect(formatHour('17:00', 'nl')).toBe('17u');
    expect(formatHour('09:05', 'nl')).toBe('9u05');
    expect(formatHours({ startTime: '09:00', endTime: '12:00' }, 'nl')).toBe('9u–12u');
  });

  it('writes the short Belgian date of the newsletter', () => {
    expect(formatShortDay('2024-10-07')).toBe('7/10/24');
    expect(formatShortDay('2024-11-07', 'nl')).toBe('7/11/24');
    expect(formatShortDay('2025-01-14')).toBe('14/01/25');
  });
});

describe('date rules', () => {
  it('keys ordinals 1–5 and -1 for the last one', () => {
    expect(ordinalKey(1)).toBe('1');
    expect(ordinalKey(5)).toBe('5');
    expect(ordinalKey(-1)).toBe('last');
  });

  it('says the rule in French and in Dutch', async () => {
    const fr = await translator('fr');
    const nl = await translator('nl');
    expect(ruleLabel(fr, 'fr', 2, 4)).toBe('le deuxième jeudi de chaque mois');
    expect(ruleLabel(fr, 'fr', -1, 1)).toBe('le dernier lundi de chaque mois');
    expect(ruleLabel(nl, 'nl', 1, 2)).toBe('de eerste dinsdag van elke maand');
    expect(ruleLabel(nl, 'nl', -1, 4)).toBe('de laatste donderdag van elke maand');
  });
});

describe('the season a new cycle is for', () => {
  it('is the coming one from July, the one under way before', () => {
    expect(seasonOf(new Date(2024, 7, 20))).toEqual({
      name: '2024-2025',
      startsOn: '2024-09-01',
      endsOn: '2025-06-30',
    });
    expect(seasonOf(new Date(2025, 1, 3)).name).toBe('2024-2025');
    expect(seasonOf(new Date(2025, 6, 1)).name).toBe('2025-2026');
  });
});
