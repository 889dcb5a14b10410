CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"columns" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_row_links" (
	"run_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	CONSTRAINT "import_row_links_run_id_row_number_entity_type_pk" PRIMARY KEY("run_id","row_number","entity_type")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"mapping_name" text,
	"actor_id" uuid,
	"actor_email" text,
	"via" text NOT NULL,
	"counts" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_row_links" ADD CONSTRAINT "import_row_links_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_kind_name_key" ON "import_mappings" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "import_row_links_entity_idx" ON "import_row_links" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "import_runs_at_idx" ON "import_runs" USING btree ("at");