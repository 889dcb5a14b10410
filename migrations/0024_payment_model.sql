ALTER TABLE "intervision_registrations" ADD COLUMN "paid_amount" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "intervision_registrations" ADD COLUMN "payment_method" text;--> statement-breakpoint
ALTER TABLE "dues" ADD COLUMN "paid_amount" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "dues" ADD COLUMN "payment_method" text;--> statement-breakpoint
-- Payments recorded before the payment model were of the whole amount owed; their method was not kept (null).
UPDATE "dues" SET "paid_amount" = "amount_due" WHERE "paid_on" IS NOT NULL;
--> statement-breakpoint
UPDATE "intervision_registrations" SET "paid_amount" = "fee" WHERE "paid_on" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "intervision_registrations" ADD CONSTRAINT "intervision_registrations_payment" CHECK (("intervision_registrations"."paid_on" is null) = ("intervision_registrations"."paid_amount" is null)
    and ("intervision_registrations"."paid_amount" is null or "intervision_registrations"."paid_amount" >= 0)
    and ("intervision_registrations"."payment_method" is null or "intervision_registrations"."payment_method" in ('transfer', 'cash', 'card', 'other')));--> statement-breakpoint
ALTER TABLE "dues" ADD CONSTRAINT "dues_payment" CHECK (("dues"."paid_on" is null) = ("dues"."paid_amount" is null)
    and ("dues"."paid_amount" is null or "dues"."paid_amount" >= 0)
    and ("dues"."payment_method" is null or "dues"."payment_method" in ('transfer', 'cash', 'card', 'other')));