CREATE TABLE "intervision_attendance" (
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	CONSTRAINT "intervision_attendance_session_id_registration_id_pk" PRIMARY KEY("session_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "intervision_retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	"trigger" text NOT NULL,
	"cutoff" date NOT NULL,
	"cycles" jsonb NOT NULL,
	"removed" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "representation_meeting_attendees" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "representation_meeting_attendees_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "representation_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"held_on" date NOT NULL,
	"body" text NOT NULL,
	"topic" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intervision_registrations" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "intervision_registrations" ADD COLUMN "anonymised_on" date;--> statement-breakpoint
ALTER TABLE "intervision_attendance" ADD CONSTRAINT "intervision_attendance_session_id_intervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."intervision_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_attendance" ADD CONSTRAINT "intervision_attendance_registration_id_intervision_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."intervision_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representation_meeting_attendees" ADD CONSTRAINT "representation_meeting_attendees_meeting_id_representation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."representation_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representation_meeting_attendees" ADD CONSTRAINT "representation_meeting_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intervision_attendance_registration_idx" ON "intervision_attendance" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "representation_meeting_attendees_person_idx" ON "representation_meeting_attendees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "representation_meetings_held_on_idx" ON "representation_meetings" USING btree ("held_on");