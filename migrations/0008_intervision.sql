CREATE TABLE "intervision_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"member_fee" numeric(8, 2) DEFAULT '120' NOT NULL,
	"non_member_fee" numeric(8, 2) DEFAULT '150' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervision_cycles_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "intervision_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"language" text NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"capacity" integer DEFAULT 10 NOT NULL,
	"facilitator_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervision_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"registered_on" date NOT NULL,
	"status" text NOT NULL,
	"withdrawn_on" date,
	"fee" numeric(8, 2) NOT NULL,
	"member_rate" boolean NOT NULL,
	"paid_on" date,
	"payment_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"host_organisation_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text
);
--> statement-breakpoint
ALTER TABLE "intervision_groups" ADD CONSTRAINT "intervision_groups_cycle_id_intervision_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."intervision_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_registrations" ADD CONSTRAINT "intervision_registrations_group_id_intervision_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."intervision_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_registrations" ADD CONSTRAINT "intervision_registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_registrations" ADD CONSTRAINT "intervision_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_sessions" ADD CONSTRAINT "intervision_sessions_group_id_intervision_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."intervision_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_sessions" ADD CONSTRAINT "intervision_sessions_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intervision_groups_cycle_idx" ON "intervision_groups" USING btree ("cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intervision_registrations_one_per_organisation" ON "intervision_registrations" USING btree ("group_id","organisation_id") WHERE "intervision_registrations"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "intervision_registrations_group_idx" ON "intervision_registrations" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "intervision_sessions_group_idx" ON "intervision_sessions" USING btree ("group_id","starts_on");