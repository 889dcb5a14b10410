import { Type } from 'typebox';

/**
 * Money, exactly: amounts travel as decimal strings ("120.50", up to two decimals) and are
 * computed as integer cents, never as floating point (0.10 + 0.20 is 0.30 here).
 */
export const Amount = Type.String({ pattern: '^[0-9]{1,8}(\\.[0-9]{1,2})?$' });

/** A decimal string ("120.5", "-3.05", "7") as integer cents; throws on anything else. */
export function toCents(amount: string): number {
  const match = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(amount.trim());
  if (!match) throw new RangeError(`Not an amount: ${amount}`);
  const [, minus, units = '0', decimals = ''] = match;
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return minus && cents !== 0 ? -cents : cents;
}

/** Integer cents as the API's decimal string: 12050 → "120.50", -5 → "-0.05". */
export function fromCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The same amount written with two decimals ("120.5" → "120.50"); the database's numeric too. */
export const normaliseAmount = (amount: string): string => fromCents(toCents(amount));

export const addAmounts = (...amounts: string[]): string =>
  fromCents(amounts.reduce((sum, a) => sum + toCents(a), 0));

export const subtractAmounts = (from: string, amount: string): string =>
  fromCents(toCents(from) - toCents(amount));

/**
 * What a person types ("120", "120,5", "1.234,50", "€ 150") into the API's form ("120.50"),
 * or null when it is no amount. A comma is the decimal mark, as on Belgian keyboards and
 * invoices; a dot followed by exactly three digits is a thousands separator, else a decimal mark.
 */
export function parseAmount(input: string): string | null {
  let text = input.replace(/[€\s\u00a0\u202f]/g, '');
  if (text === '') return null;
  if (text.includes(',')) {
    text = text.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, '');
  }
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(text)) return null;
  return normaliseAmount(text);
}

const INTL: Record<'fr' | 'nl', string> = { fr: 'fr-BE', nl: 'nl-BE' };

/**
 * An amount in euros the Belgian way: "1 234,50 €" (fr-BE) and "€ 1.234,50" (nl-BE); something
 * that is no amount comes back as it was. Intl formats the cents' exact decimal value.
 */
export function formatAmount(amount: string, locale: 'fr' | 'nl'): string {
  let cents: number;
  try {
    cents = toCents(amount);
  } catch {
    return amount;
  }
  return new Intl.NumberFormat(INTL[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/**
 * An intervision cycle's fees unless the coordinator sets others: €120 for members' workers,
 * €150 for the others. The table's defaults and the cycle form read them from here.
 */
export const DEFAULT_INTERVISION_FEES = { member: '120', nonMember: '150' } as const;
