import type { Locale } from '@smes/shared';
import { INTL_LOCALES } from './format';

/**
 * Money as the API sends it: a decimal string ("120.00"), never a float. Shown in euros the
 * Belgian way: "120,00 €" (fr-BE) and "€ 120,00" (nl-BE).
 */
export function formatAmount(amount: string, locale: Locale): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'currency', currency: 'EUR' }).format(value);
}

/**
 * What a person types ("120", "120,5", "1.234,50", "€ 150") into the API's form ("120.50"),
 * or null when it is no amount. A comma is the decimal mark, as on Belgian keyboards and
 * invoices; a dot followed by exactly three digits is a thousands separator, else a decimal mark.
 */
export function parseAmountInput(input: string): string | null {
  let text = input.replace(/[€\s\u00a0\u202f]/g, '');
  if (text === '') return null;
  if (text.includes(',')) {
    text = text.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, '');
  }
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(text)) return null;
  const [units = '0', cents = ''] = text.split('.');
  return `${String(Number(units))}.${cents.padEnd(2, '0')}`;
}
