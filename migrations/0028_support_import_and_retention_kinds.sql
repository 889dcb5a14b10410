-- Each retention run is kept under its policy's run kind (row security per pole): the runs
-- already there are intervision's, Support's and the access log's (hand-written).
ALTER TABLE "retention_runs" ADD COLUMN "run_kind" text;--> statement-breakpoint
UPDATE "retention_runs" SET "run_kind" = CASE
  WHEN "policy" LIKE 'support.%' THEN 'support_retention_run'
  WHEN "policy" LIKE 'platform.%' THEN 'platform_retention_run'
  ELSE 'intervision_retention_run' END;--> statement-breakpoint
ALTER TABLE "retention_runs" ALTER COLUMN "run_kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "support_requests" ADD COLUMN "log_number" text;--> statement-breakpoint
CREATE UNIQUE INDEX "support_requests_log_number_key" ON "support_requests" USING btree ("log_number");
