-- The audit log keeps which fields a change touched, not their values (payment references,
-- membership notes, cancellation reasons, names): rows written before are scrubbed to that form.
-- The append-only trigger is lifted for this one statement only, inside the migration's transaction.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE audit_log SET details = CASE
    WHEN resource_type = 'user' AND details ? 'self' THEN jsonb_build_object(
      'self', true,
      'fields', (SELECT coalesce(jsonb_agg(k ORDER BY k), '[]'::jsonb) FROM jsonb_object_keys(details -> 'self') k))
    WHEN resource_type = 'user' THEN (details #- '{before,displayName}') #- '{after,displayName}'
    ELSE jsonb_build_object(
      'fields', (SELECT coalesce(jsonb_agg(k ORDER BY k), '[]'::jsonb) FROM jsonb_object_keys(details) k))
  END
  WHERE jsonb_typeof(details) = 'object' AND (
    (action = 'update' AND resource_type IN ('membership', 'intervision_registration', 'intervision_session',
      'intervision_cycle', 'intervision_group', 'due', 'governance_seat', 'sector', 'commune',
      'organisation_type', 'language') AND NOT details ? 'fields')
    OR (action = 'create' AND resource_type IN ('sector', 'commune', 'organisation_type', 'language'))
    OR (action = 'update' AND resource_type = 'user'));
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
