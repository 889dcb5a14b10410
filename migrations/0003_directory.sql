CREATE TABLE "affiliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"function" text,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_sectors" (
	"organisation_id" uuid NOT NULL,
	"sector_id" uuid NOT NULL,
	CONSTRAINT "organisation_sectors_organisation_id_sector_id_pk" PRIMARY KEY("organisation_id","sector_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_types" (
	"organisation_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	CONSTRAINT "organisation_types_organisation_id_type_id_pk" PRIMARY KEY("organisation_id","type_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_fr" text,
	"name_nl" text,
	"search_key" text NOT NULL,
	"match_key" text NOT NULL,
	"street" text,
	"postal_code" text,
	"commune_id" uuid,
	"city" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone" text,
	"email" text,
	"website" text,
	"notes" text,
	"closed_on" date,
	"external_ref" text,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"search_key" text NOT NULL,
	"match_key" text NOT NULL,
	"email" text,
	"phone" text,
	"language" text,
	"notes" text,
	"external_ref" text,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_nl" text NOT NULL,
	"postal_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_sectors" ADD CONSTRAINT "organisation_sectors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_sectors" ADD CONSTRAINT "organisation_sectors_sector_id_reference_items_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."reference_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_types" ADD CONSTRAINT "organisation_types_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_types" ADD CONSTRAINT "organisation_types_type_id_reference_items_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."reference_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_commune_id_reference_items_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."reference_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_merged_into_id_organisations_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_merged_into_id_people_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "affiliations_person_idx" ON "affiliations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliations_organisation_idx" ON "affiliations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_sectors_sector_idx" ON "organisation_sectors" USING btree ("sector_id");--> statement-breakpoint
CREATE INDEX "organisation_types_type_idx" ON "organisation_types" USING btree ("type_id");--> statement-breakpoint
CREATE INDEX "organisations_search_trgm" ON "organisations" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_match_key_idx" ON "organisations" USING btree ("match_key");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_external_ref_key" ON "organisations" USING btree ("external_ref");--> statement-breakpoint
CREATE INDEX "organisations_commune_idx" ON "organisations" USING btree ("commune_id");--> statement-breakpoint
CREATE INDEX "people_search_trgm" ON "people" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_match_key_idx" ON "people" USING btree ("match_key");--> statement-breakpoint
CREATE UNIQUE INDEX "people_external_ref_key" ON "people" USING btree ("external_ref");--> statement-breakpoint
CREATE INDEX "people_email_idx" ON "people" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_items_kind_code_key" ON "reference_items" USING btree ("kind","code");