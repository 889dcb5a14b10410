CREATE TABLE "analytic_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
