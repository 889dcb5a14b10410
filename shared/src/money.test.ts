import { describe, expect, it } from 'vitest';
import { addAmounts, formatAmount, fromCents, parseAmount, subtractAmounts, toCents } from './money.js';

describe('money, exactly', () => {
  it('adds and subtracts in cents, where floating point would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addAmounts('0.10', '0.20')).toBe('0.30');
    expect(subtractAmounts('1000000.30', '0.10')).toBe('1000000.20');
    expect(1000000.3 - 0.1).not.toBe(1000000.2);
    expect(addAmounts(...Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
    expect(subtractAmounts('120.00', '150.00')).toBe('-30.00');
    expect(addAmounts()).toBe('0.00');
  });

  it('reads the API decimal strings as cents and writes them back', () => {
    expect(toCents('120.5')).toBe(12050);
    expect(toCents('120')).toBe(12000);
    expect(toCents('-0.05')).toBe(-5);
    expect(fromCents(12050)).toBe('120.50');
    expect(fromCents(-5)).toBe('-0.05');
    expect(() => toCents('12,50')).toThrow(RangeError);
    expect(() => fromCents(0.5)).toThrow(RangeError);
  });

  it('reads what people type, comma or dot as the decimal mark', () => {
    expect(parseAmount('120,50')).toBe('120.50');
    expect(parseAmount('120.50')).toBe('120.50');
    expect(parseAmount('€ 1.234,50')).toBe('1234.50');
    expect(parseAmount('1.234')).toBe('1234.00');
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });

  it('writes euros the Belgian way in French and Dutch', () => {
    expect(formatAmount('1234.5', 'nl')).toBe('€\u00a01.234,50');
    expect(formatAmount('1234.5', 'fr')).toBe('1\u202f234,50\u00a0€');
    expect(formatAmount('n/a', 'fr')).toBe('n/a');
  });
});

describe('the default intervision fees', () => {
  it('are €120 for members and €150 for the others, as valid amounts', async () => {
    const { Value } = await import('typebox/value');
    const { Amount, DEFAULT_INTERVISION_FEES } = await import('./money.js');
    expect(formatAmount(DEFAULT_INTERVISION_FEES.member, 'fr')).toBe('120,00\u00a0€');
    expect(formatAmount(DEFAULT_INTERVISION_FEES.nonMember, 'nl')).toBe('€\u00a0150,00');
    expect(Value.Check(Amount, DEFAULT_INTERVISION_FEES.member)).toBe(true);
    expect(Value.Check(Amount, DEFAULT_INTERVISION_FEES.nonMember)).toBe(true);
  });
});
