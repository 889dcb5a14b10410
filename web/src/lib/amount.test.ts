import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmountInput } from './amount';

// What Node's ICU prints for Belgium; the browser's ICU agrees on these.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('amounts in euros', () => {
  it('writes the API decimal strings the Belgian way in each language', () => {
    expect(formatAmount('120.00', 'fr')).toBe(`120,00${NBSP}€`);
    expect(formatAmount('120.00', 'nl')).toBe(`€${NBSP}120,00`);
    expect(formatAmount('1234.5', 'fr')).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatAmount('1234.5', 'nl')).toBe(`€${NBSP}1.234,50`);
    expect(formatAmount('0.00', 'nl')).toBe(`€${NBSP}0,00`);
  });

  it('leaves something that is no number as it came', () => {
    expect(formatAmount('n/a', 'fr')).toBe('n/a');
  });

  it('reads what people type into the API form, comma as the decimal mark', () => {
    expect(parseAmountInput('120')).toBe('120.00');
    expect(parseAmountInput('120,5')).toBe('120.50');
    expect(parseAmountInput(' 150,00 € ')).toBe('150.00');
    expect(parseAmountInput('€ 1.234,50')).toBe('1234.50');
    expect(parseAmountInput('1.234')).toBe('1234.00');
    expect(parseAmountInput('12.5')).toBe('12.50');
    expect(parseAmountInput('007')).toBe('7.00');
  });

  it('refuses what is no amount', () => {
    expect(parseAmountInput('')).toBeNull();
    expect(parseAmountInput('abc')).toBeNull();
    expect(parseAmountInput('-5')).toBeNull();
    expect(parseAmountInput('1,234,5')).toBeNull();
    expect(parseAmountInput('12,345')).toBeNull();
    expect(parseAmountInput('123456789')).toBeNull();
  });
});
