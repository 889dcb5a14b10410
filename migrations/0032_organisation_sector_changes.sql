CREATE TABLE "organisation_sector_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sector_ids_before" uuid[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "organisation_sector_changes_idx" ON "organisation_sector_changes" USING btree ("organisation_id","changed_at");