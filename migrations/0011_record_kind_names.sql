-- Audit entries name their records as the registry of record kinds does (shared/src/record-kinds.ts).
-- The append-only trigger is lifted for this one statement only, inside the migration's transaction.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE audit_log SET resource_type = CASE
    WHEN resource_type = 'dues' THEN 'due'
    WHEN resource_type = 'session' THEN 'sign_in_session'
    WHEN resource_type = 'intervision_retention' THEN 'intervision_retention_run'
    ELSE substr(resource_type, length('reference:') + 1)
  END
  WHERE resource_type IN ('dues', 'session', 'intervision_retention') OR resource_type LIKE 'reference:%';
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
