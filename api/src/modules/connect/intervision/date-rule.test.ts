import { describe, expect, it } from 'vitest';
import { datesFromRule } from './date-rule.js';

describe('dates from a rule', () => {
  it('gives the second Thursday of October to December 2024', () => {
    expect(datesFromRule({ from: '2024-10-01', to: '2024-12-31', ordinal: 2, weekday: 4 })).toEqual([
      '2024-10-10',
      '2024-11-14',
      '2024-12-12',
    ]);
  });

  it('gives the last Monday, and leaves out months with no fifth Monday', () => {
    expect(datesFromRule({ from: '2024-09-01', to: '2024-12-31', ordinal: -1, weekday: 1 })).toEqual([
      '2024-09-30',
      '2024-10-28',
      '2024-11-25',
      '2024-12-30',
    ]);
    expect(datesFromRule({ from: '2024-09-01', to: '2024-12-31', ordinal: 5, weekday: 1 })).toEqual([
      '2024-09-30',
      '2024-12-30',
    ]);
  });

  it('keeps only dates inside the range, across a new year', () => {
    expect(datesFromRule({ from: '2024-12-15', to: '2025-02-10', ordinal: 1, weekday: 2 })).toEqual([
      '2025-01-07',
      '2025-02-04',
    ]);
  });
});
