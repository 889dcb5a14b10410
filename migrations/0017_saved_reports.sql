CREATE TABLE "saved_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"saved_by_id" uuid,
	"saved_by_name" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"figures" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_reports" ADD CONSTRAINT "saved_reports_saved_by_id_users_id_fk" FOREIGN KEY ("saved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_reports_saved_at_idx" ON "saved_reports" USING btree ("saved_at");--> statement-breakpoint
-- A saved report is the document as it was sent: its content never changes. Only the link to
-- the account that saved it may be cleared (users' ON DELETE SET NULL); the name stays.
CREATE OR REPLACE FUNCTION saved_reports_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.id, NEW.title, NEW.period_from, NEW.period_to, NEW.saved_by_name, NEW.saved_at, NEW.figures)
     IS NOT DISTINCT FROM (OLD.id, OLD.title, OLD.period_from, OLD.period_to, OLD.saved_by_name, OLD.saved_at, OLD.figures)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'saved_reports are kept as sent: update refused' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER saved_reports_as_sent
  BEFORE UPDATE ON saved_reports
  FOR EACH ROW EXECUTE FUNCTION saved_reports_refuse_change();
