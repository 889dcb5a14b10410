/**
 * Money as the API sends it: a decimal string ("120.00"), never a float. One helper for both
 * sides (`@smes/shared`'s money.ts): exact cents, Belgian formats ("120,00 €" in fr-BE,
 * "€ 120,00" in nl-BE), and what people type read with a comma as the decimal mark.
 */
export { formatAmount, parseAmount as parseAmountInput } from '@smes/shared';
