import { describe, expect, it } from 'vitest';
import { describePeriod, quarterPeriod, readPeriod, semesterPeriod, yearPeriod } from './period';

describe('report periods', () => {
  it('spans whole years, semesters and quarters, leap years included', () => {
    expect(yearPeriod(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(semesterPeriod(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(semesterPeriod(2024, 2)).toEqual({ from: '2024-07-01', to: '2024-12-31' });
    expect(quarterPeriod(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterPeriod(2023, 1)).toEqual({ from: '2023-01-01', to: '2023-03-31' });
    expect(quarterPeriod(2024, 3)).toEqual({ from: '2024-07-01', to: '2024-09-30' });
  });

  it('reads a period back as what it is, so the picker shows the choice made', () => {
    expect(describePeriod({ from: '2020-01-01', to: '2020-12-31' })).toEqual({
      kind: 'year',
      year: 2020,
      part: 1,
    });
    expect(describePeriod({ from: '2020-07-01', to: '2020-12-31' })).toEqual({
      kind: 'semester',
      year: 2020,
      part: 2,
    });
    expect(describePeriod({ from: '2020-04-01', to: '2020-06-30' })).toEqual({
      kind: 'quarter',
      year: 2020,
      part: 2,
    });
    expect(describePeriod({ from: '2020-03-15', to: '2020-06-30' }).kind).toBe('dates');
  });

  it('takes the address’s dates, or last year when they are missing, wrong or backwards', () => {
    const today = new Date('2026-12-01T10:00:00Z');
    const read = (query: string) => readPeriod(new URLSearchParams(query), today);
    expect(read('from=2020-03-01&to=2020-05-31')).toEqual({ from: '2020-03-01', to: '2020-05-31' });
    expect(read('')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(read('from=2020-13-01&to=2020-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(read('from=2021-01-01&to=2020-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
