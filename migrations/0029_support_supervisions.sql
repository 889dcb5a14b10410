CREATE TABLE "support_supervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"supervision_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"first_worker_id" uuid NOT NULL,
	"second_worker_id" uuid NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"participants" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_supervision_sessions_pair" CHECK ("support_supervision_sessions"."first_worker_id" <> "support_supervision_sessions"."second_worker_id"),
	CONSTRAINT "support_supervision_sessions_status" CHECK ("support_supervision_sessions"."status" in ('planned', 'held', 'cancelled')
          and ("support_supervision_sessions"."status" = 'cancelled') = ("support_supervision_sessions"."cancel_reason" is not null)
          and ("support_supervision_sessions"."participants" is null or ("support_supervision_sessions"."status" = 'held' and "support_supervision_sessions"."participants" >= 0)))
);
--> statement-breakpoint
CREATE TABLE "support_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"organisation_id" uuid NOT NULL,
	"team" text NOT NULL,
	"starts_on" date NOT NULL,
	"planned_sessions" integer,
	"fee" numeric(8, 2),
	"paid_on" date,
	"paid_amount" numeric(10, 2),
	"payment_method" text,
	"payment_reference" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_supervisions_fee" CHECK ("support_supervisions"."fee" is null or "support_supervisions"."fee" >= 0),
	CONSTRAINT "support_supervisions_planned" CHECK ("support_supervisions"."planned_sessions" is null or "support_supervisions"."planned_sessions" > 0),
	CONSTRAINT "support_supervisions_payment" CHECK (("support_supervisions"."paid_on" is null) = ("support_supervisions"."paid_amount" is null)
    and ("support_supervisions"."paid_amount" is null or "support_supervisions"."paid_amount" >= 0)
    and ("support_supervisions"."payment_method" is null or "support_supervisions"."payment_method" in ('transfer', 'cash', 'card', 'other')))
);
--> statement-breakpoint
ALTER TABLE "support_supervision_sessions" ADD CONSTRAINT "support_supervision_sessions_supervision_id_support_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."support_supervisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_supervision_sessions" ADD CONSTRAINT "support_supervision_sessions_first_worker_id_users_id_fk" FOREIGN KEY ("first_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_supervision_sessions" ADD CONSTRAINT "support_supervision_sessions_second_worker_id_users_id_fk" FOREIGN KEY ("second_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_supervisions" ADD CONSTRAINT "support_supervisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_supervision_sessions_day" ON "support_supervision_sessions" USING btree ("supervision_id","starts_on");--> statement-breakpoint
CREATE INDEX "support_supervision_sessions_starts_idx" ON "support_supervision_sessions" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "support_supervisions_organisation_idx" ON "support_supervisions" USING btree ("organisation_id");