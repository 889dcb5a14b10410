CREATE TABLE "dues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"organisation_id" uuid,
	"person_id" uuid,
	"amount_due" numeric(10, 2) NOT NULL,
	"paid_on" date,
	"payment_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_one_holder" CHECK (("dues"."organisation_id" is null) <> ("dues"."person_id" is null)),
	CONSTRAINT "dues_amount" CHECK ("dues"."amount_due" >= 0)
);
--> statement-breakpoint
CREATE TABLE "governance_seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body" text NOT NULL,
	"organisation_id" uuid,
	"person_id" uuid,
	"representative_id" uuid,
	"role" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_seats_one_holder" CHECK (("governance_seats"."organisation_id" is null) <> ("governance_seats"."person_id" is null)),
	CONSTRAINT "governance_seats_dates" CHECK ("governance_seats"."ends_on" is null or "governance_seats"."ends_on" >= "governance_seats"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"person_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_one_holder" CHECK (("memberships"."organisation_id" is null) <> ("memberships"."person_id" is null)),
	CONSTRAINT "memberships_dates" CHECK ("memberships"."ends_on" is null or "memberships"."ends_on" >= "memberships"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "dues" ADD CONSTRAINT "dues_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues" ADD CONSTRAINT "dues_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_seats" ADD CONSTRAINT "governance_seats_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_seats" ADD CONSTRAINT "governance_seats_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_seats" ADD CONSTRAINT "governance_seats_representative_id_people_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dues_year_organisation_key" ON "dues" USING btree ("year","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_year_person_key" ON "dues" USING btree ("year","person_id");--> statement-breakpoint
CREATE INDEX "governance_seats_body_idx" ON "governance_seats" USING btree ("body");--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");