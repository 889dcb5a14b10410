CREATE TABLE "support_training_attendance" (
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	CONSTRAINT "support_training_attendance_session_id_participant_id_pk" PRIMARY KEY("session_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "support_training_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"module_id" uuid NOT NULL,
	"organiser" text NOT NULL,
	"partner_organisation_id" uuid,
	"format" text NOT NULL,
	"place" text,
	"capacity" integer,
	"fee" numeric(10, 2),
	"participant_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_training_editions_partner" CHECK (("support_training_editions"."organiser" = 'partner') = ("support_training_editions"."partner_organisation_id" is not null)),
	CONSTRAINT "support_training_editions_count" CHECK ("support_training_editions"."participant_count" is null or ("support_training_editions"."organiser" = 'partner' and "support_training_editions"."participant_count" >= 0)),
	CONSTRAINT "support_training_editions_capacity" CHECK ("support_training_editions"."capacity" is null or "support_training_editions"."capacity" > 0),
	CONSTRAINT "support_training_editions_fee" CHECK ("support_training_editions"."fee" is null or "support_training_editions"."fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "support_training_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title_fr" text NOT NULL,
	"title_nl" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_training_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"edition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"registered_on" date NOT NULL,
	"fee" numeric(10, 2),
	"paid_on" date,
	"paid_amount" numeric(10, 2),
	"payment_method" text,
	"payment_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_training_participants_payment" CHECK (("support_training_participants"."paid_on" is null) = ("support_training_participants"."paid_amount" is null)
    and ("support_training_participants"."paid_amount" is null or "support_training_participants"."paid_amount" >= 0)
    and ("support_training_participants"."payment_method" is null or "support_training_participants"."payment_method" in ('transfer', 'cash', 'card', 'other')))
);
--> statement-breakpoint
CREATE TABLE "support_training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"held_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_training_attendance" ADD CONSTRAINT "support_training_attendance_session_id_support_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."support_training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_training_attendance" ADD CONSTRAINT "support_training_attendance_participant_id_support_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."support_training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_training_editions" ADD CONSTRAINT "support_training_editions_module_id_support_training_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."support_training_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_training_editions" ADD CONSTRAINT "support_training_editions_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_training_participants" ADD CONSTRAINT "support_training_participants_edition_id_support_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."support_training_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_training_participants" ADD CONSTRAINT "support_training_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_training_participants" ADD CONSTRAINT "support_training_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_training_sessions" ADD CONSTRAINT "support_training_sessions_edition_id_support_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."support_training_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_training_attendance_participant_idx" ON "support_training_attendance" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "support_training_editions_module_idx" ON "support_training_editions" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "support_training_editions_partner_idx" ON "support_training_editions" USING btree ("partner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_training_participants_person_key" ON "support_training_participants" USING btree ("edition_id","person_id");--> statement-breakpoint
CREATE INDEX "support_training_participants_person_idx" ON "support_training_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "support_training_participants_organisation_idx" ON "support_training_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_training_sessions_day_key" ON "support_training_sessions" USING btree ("edition_id","held_on");--> statement-breakpoint
CREATE INDEX "support_training_sessions_held_on_idx" ON "support_training_sessions" USING btree ("held_on");