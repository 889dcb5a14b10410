CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"record_ids" text[] NOT NULL,
	"purpose" text NOT NULL,
	"reason" text,
	"flagged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "access_log_at_idx" ON "access_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "access_log_user_idx" ON "access_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "access_log_record_ids_idx" ON "access_log" USING gin ("record_ids");--> statement-breakpoint
CREATE INDEX "access_log_flagged_idx" ON "access_log" USING btree ("at") WHERE flagged;--> statement-breakpoint
-- The app's role may only insert and select access-log rows (rls.ts); rows older than the
-- retention leave only through this function, which runs as its owner (smes_owner) and removes
-- nothing younger than a year whatever it is asked.
CREATE OR REPLACE FUNCTION smes_access_log_expire(keep_years integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  removed integer;
BEGIN
  IF keep_years IS NULL OR keep_years < 1 THEN
    RAISE EXCEPTION 'access_log keeps at least a year' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  DELETE FROM access_log WHERE at < now() - make_interval(years => keep_years);
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END;
$$;
--> statement-breakpoint
-- Nobody changes a row of the access log: the grants refuse it to the app, and this trigger
-- refuses it to everyone (the owner's expiry deletes, it never updates).
CREATE OR REPLACE FUNCTION access_log_refuse_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only: update refused' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_no_update
  BEFORE UPDATE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_update();
