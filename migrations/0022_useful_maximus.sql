CREATE TABLE "client_ids" (
	"id" uuid PRIMARY KEY NOT NULL,
	"route" text NOT NULL,
	"fingerprint" text NOT NULL,
	"user_id" uuid NOT NULL,
	"status" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_ids" ADD CONSTRAINT "client_ids_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_ids_user_created_idx" ON "client_ids" USING btree ("user_id","created_at");