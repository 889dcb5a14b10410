-- The intervision runs become the first policy's runs in the one retention_runs table.
INSERT INTO "retention_runs" ("id", "policy", "trigger", "started_at", "finished_at", "counts", "details")
SELECT "id", 'intervision.participants', "trigger", "ran_at", "ran_at",
  jsonb_build_object('registrations', "removed"),
  jsonb_build_object('cutoff', "cutoff", 'cycles', "cycles")
FROM "intervision_retention_runs";--> statement-breakpoint
DROP TABLE "intervision_retention_runs" CASCADE;
