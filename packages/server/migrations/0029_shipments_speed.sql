CREATE TABLE "customer_rollups_due" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_rollups_due_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "customer_rollups_due" ADD CONSTRAINT "customer_rollups_due_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- The row audit of shipments runs only when a column it records changed. A tracking update (status, ETA, actual
-- times, exception flags: what the events add up to, not audited) left the trigger with nothing to write, but still
-- ran it once per row; a feed batch moves thousands of shipments. The condition leaves out exactly the columns
-- berth_audit leaves out (its fixed ones and the '-' arguments), so what is logged does not change.
DROP TRIGGER shipments_audit ON shipments;
--> statement-breakpoint
CREATE TRIGGER shipments_audit AFTER UPDATE ON shipments
  FOR EACH ROW
  WHEN ((to_jsonb(OLD) - ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id', 'status', 'eta', 'atd', 'ata', 'customs_hold', 'rolled', 'damaged', 'lost', 'last_event_at', 'delay_notified_at', 'feed_hash', 'promised_eta'])
        IS DISTINCT FROM
        (to_jsonb(NEW) - ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id', 'status', 'eta', 'atd', 'ata', 'customs_hold', 'rolled', 'damaged', 'lost', 'last_event_at', 'delay_notified_at', 'feed_hash', 'promised_eta']))
  EXECUTE FUNCTION berth_audit('-status', '-eta', '-atd', '-ata', '-customs_hold', '-rolled', '-damaged', '-lost', '-last_event_at', '-delay_notified_at', '-feed_hash', '-promised_eta');
--> statement-breakpoint
CREATE TRIGGER shipments_audit_deletes AFTER DELETE ON shipments
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-status', '-eta', '-atd', '-ata', '-customs_hold', '-rolled', '-damaged', '-lost', '-last_event_at', '-delay_notified_at', '-feed_hash', '-promised_eta');
