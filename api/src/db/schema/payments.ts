import { sql, type SQL } from 'drizzle-orm';
import { check, date, numeric, text } from 'drizzle-orm/pg-core';
import type { PaymentMethod } from '@smes/shared';

/**
 * The payment model's columns (decision 19), the same on every record that can be paid (dues,
 * intervision registrations): unpaid while `paid_on` is null; a payment has its day and amount,
 * and a method (null only for payments recorded before it was kept).
 */
export const paymentColumns = () => ({
  paidOn: date('paid_on'),
  paidAmount: numeric('paid_amount', { precision: 10, scale: 2 }),
  paymentMethod: text('payment_method').$type<PaymentMethod>(),
  paymentReference: text('payment_reference'),
});

type PaymentTable = {
  paidOn: unknown;
  paidAmount: unknown;
  paymentMethod: unknown;
  paymentReference: unknown;
};

const condition = (t: PaymentTable): SQL =>
  sql`(${t.paidOn} is null) = (${t.paidAmount} is null)
    and (${t.paidAmount} is null or ${t.paidAmount} >= 0)
    and (${t.paymentMethod} is null or ${t.paymentMethod} in ('transfer', 'cash', 'card', 'other'))`;

/** The database's own check of a payment: a day paid goes with an amount, never one without the other. */
export const paymentCheck = (table: string, t: PaymentTable) => check(`${table}_payment`, condition(t));
