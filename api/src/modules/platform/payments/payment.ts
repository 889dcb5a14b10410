import { normaliseAmount, type Payment, type PaymentInput, type PaymentMethod } from '@smes/shared';

/** The payment model's columns as a record that can be paid keeps them (db/schema/payments.ts). */
export interface PaymentValues {
  paidOn: string | null;
  paidAmount: string | null;
  paymentMethod: PaymentMethod | null;
  paymentReference: string | null;
}

/**
 * What recording (`change`) or undoing (`null`) a payment writes, the same for every record that
 * can be paid: without an amount, the amount owed; an empty reference is none. Undoing clears
 * the whole payment.
 */
export function paymentValues(change: PaymentInput | null, owed: string): PaymentValues {
  if (change === null) return { paidOn: null, paidAmount: null, paymentMethod: null, paymentReference: null };
  return {
    paidOn: change.paidOn,
    paidAmount: normaliseAmount(change.amount ?? owed),
    paymentMethod: change.method,
    paymentReference: change.reference?.trim() || null,
  };
}

/** A record's payment as the API answers it; null while unpaid. */
export function paymentOf(row: PaymentValues): Payment | null {
  if (row.paidOn === null) return null;
  return {
    paidOn: row.paidOn,
    amount: normaliseAmount(row.paidAmount ?? '0'),
    method: row.paymentMethod,
    reference: row.paymentReference,
  };
}
