DROP INDEX "intervision_sessions_group_idx";--> statement-breakpoint
ALTER TABLE "intervision_groups" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "intervision_sessions" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "intervision_sessions_group_date" ON "intervision_sessions" USING btree ("group_id","starts_on");