import { describe, expect, it } from 'vitest';
import { formatFigureValue } from './figure-value';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe("a figure's value in the user's language", () => {
  it('writes counts, shares and money the Belgian way in French and Dutch', () => {
    expect(formatFigureValue(1195, 'count', 'fr')).toBe(`1${NNBSP}195`);
    expect(formatFigureValue(1195, 'count', 'nl')).toBe('1.195');
    expect(formatFigureValue(0.7097, 'share', 'fr')).toBe(`70,97${NBSP}%`);
    expect(formatFigureValue(0.7097, 'share', 'nl')).toBe('70,97%');
    expect(formatFigureValue(921916.32, 'money', 'fr')).toBe(`921${NNBSP}916,32${NBSP}€`);
    expect(formatFigureValue(921916.32, 'money', 'nl')).toBe(`€${NBSP}921.916,32`);
  });

  it('signs a difference, rounds an average, names minutes, and shows a dash for no value', () => {
    expect(formatFigureValue(13, 'difference', 'fr')).toBe('+13');
    expect(formatFigureValue(-2.5, 'difference', 'nl')).toBe('-2,5');
    expect(formatFigureValue(35.456, 'average', 'fr')).toBe('35,5');
    expect(formatFigureValue(45, 'minutes', 'nl')).toMatch(/^45\s+min$/);
    expect(formatFigureValue(null, 'share', 'fr')).toBe('—');
  });
});
