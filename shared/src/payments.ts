import { Type, type Static } from 'typebox';
import { IsoDate } from './atoms.js';
import { Amount } from './money.js';

/**
 * One payment model for whatever the association is paid (dues, intervision fees, and the
 * poles to come): the day, the amount, how, and the bank statement's reference. The record it
 * pays keeps it in the same columns (decision 19); recording is `payment: {…}` in the record's
 * PATCH, undoing is `payment: null`, with the record's If-Match like any change.
 */
export const PAYMENT_METHODS = ['transfer', 'cash', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PaymentMethodSchema = Type.Enum(PAYMENT_METHODS);

export const PaymentReference = Type.String({ maxLength: 140 });

export const Payment = Type.Object({
  paidOn: IsoDate,
  /** What was received; the amount owed unless the person recording it said otherwise. */
  amount: Amount,
  /** Null for payments recorded before the method was kept (decision 19). */
  method: Type.Union([PaymentMethodSchema, Type.Null()]),
  reference: Type.Union([Type.String(), Type.Null()]),
});
export type Payment = Static<typeof Payment>;

/** What recording a payment sends; without `amount`, the amount owed is taken. */
export const PaymentInput = Type.Object(
  {
    paidOn: IsoDate,
    amount: Type.Optional(Amount),
    method: PaymentMethodSchema,
    reference: Type.Optional(Type.Union([PaymentReference, Type.Null()])),
  },
  { additionalProperties: false },
);
export type PaymentInput = Static<typeof PaymentInput>;

/** A record's `payment` field in its PATCH: a payment records it, null undoes it. */
export const PaymentChange = Type.Optional(Type.Union([PaymentInput, Type.Null()]));
