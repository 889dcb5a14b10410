DROP INDEX "intervision_sessions_group_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "intervision_sessions_group_date" ON "intervision_sessions" USING btree ("group_id","starts_on");