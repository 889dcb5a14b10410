CREATE TABLE "support_interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"first_worker_id" uuid NOT NULL,
	"second_worker_id" uuid NOT NULL,
	"place" text NOT NULL,
	"duration_minutes" integer,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_interventions_pair" CHECK ("support_interventions"."first_worker_id" <> "support_interventions"."second_worker_id")
);
--> statement-breakpoint
CREATE TABLE "support_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"initials" text,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"age_band" text DEFAULT 'unknown' NOT NULL,
	"housing" text DEFAULT 'unknown' NOT NULL,
	"language" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_referrals" (
	"request_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "support_referrals_request_id_organisation_id_pk" PRIMARY KEY("request_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"channel" text NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_person_id" uuid,
	"requester_organisation_id" uuid,
	"requester_sector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"requester_name" text,
	"requester_call_back" text,
	"person_id" uuid NOT NULL,
	"impasse" text,
	"status" text DEFAULT 'new' NOT NULL,
	"discussed_on" date,
	"first_answer_on" date,
	"first_answer_by" uuid,
	"first_answer_how" text,
	"closed_on" date,
	"close_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_requests_requester" CHECK (("support_requests"."requester_kind" = 'professional' and "support_requests"."requester_person_id" is not null and "support_requests"."requester_organisation_id" is not null)
          or ("support_requests"."requester_kind" <> 'professional' and "support_requests"."requester_person_id" is null and "support_requests"."requester_organisation_id" is null)),
	CONSTRAINT "support_requests_first_answer" CHECK (("support_requests"."first_answer_on" is null) = ("support_requests"."first_answer_by" is null and "support_requests"."first_answer_how" is null)),
	CONSTRAINT "support_requests_closed" CHECK (("support_requests"."status" = 'closed') = ("support_requests"."closed_on" is not null and "support_requests"."close_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "support_interventions" ADD CONSTRAINT "support_interventions_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_interventions" ADD CONSTRAINT "support_interventions_first_worker_id_users_id_fk" FOREIGN KEY ("first_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_interventions" ADD CONSTRAINT "support_interventions_second_worker_id_users_id_fk" FOREIGN KEY ("second_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_requester_person_id_people_id_fk" FOREIGN KEY ("requester_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_requester_organisation_id_organisations_id_fk" FOREIGN KEY ("requester_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_person_id_support_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."support_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_first_answer_by_users_id_fk" FOREIGN KEY ("first_answer_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_interventions_request_idx" ON "support_interventions" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "support_interventions_held_on_idx" ON "support_interventions" USING btree ("held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "support_persons_code_key" ON "support_persons" USING btree ("code");--> statement-breakpoint
CREATE INDEX "support_persons_initials_idx" ON "support_persons" USING btree (lower("initials"));--> statement-breakpoint
CREATE INDEX "support_referrals_organisation_idx" ON "support_referrals" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_requests_code_key" ON "support_requests" USING btree ("code");--> statement-breakpoint
CREATE INDEX "support_requests_received_idx" ON "support_requests" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "support_requests_due_idx" ON "support_requests" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "support_requests_person_idx" ON "support_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "support_requests_requester_person_idx" ON "support_requests" USING btree ("requester_person_id");--> statement-breakpoint
CREATE INDEX "support_requests_requester_organisation_idx" ON "support_requests" USING btree ("requester_organisation_id");