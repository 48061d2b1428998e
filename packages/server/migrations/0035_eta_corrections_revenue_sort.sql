-- When a shipment's ETA was last corrected by hand (PATCH /api/shipments/{id}): the tracking fold moves the ETA
-- again only for an eta_changed event that occurred after it (decision 0007). A tracking column like the ETA it
-- guards: the correction is audited by the correction itself, so the row audit leaves the column out.
ALTER TABLE "shipments" ADD COLUMN "eta_corrected_at" timestamp with time zone;
--> statement-breakpoint
DROP TRIGGER shipments_audit ON shipments;
--> statement-breakpoint
CREATE TRIGGER shipments_audit AFTER UPDATE ON shipments
  FOR EACH ROW
  WHEN ((to_jsonb(OLD) - ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id', 'status', 'eta', 'atd', 'ata', 'customs_hold', 'rolled', 'damaged', 'lost', 'last_event_at', 'delay_notified_at', 'feed_hash', 'promised_eta', 'eta_corrected_at'])
        IS DISTINCT FROM
        (to_jsonb(NEW) - ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id', 'status', 'eta', 'atd', 'ata', 'customs_hold', 'rolled', 'damaged', 'lost', 'last_event_at', 'delay_notified_at', 'feed_hash', 'promised_eta', 'eta_corrected_at']))
  EXECUTE FUNCTION berth_audit('-status', '-eta', '-atd', '-ata', '-customs_hold', '-rolled', '-damaged', '-lost', '-last_event_at', '-delay_notified_at', '-feed_hash', '-promised_eta', '-eta_corrected_at');
--> statement-breakpoint
DROP TRIGGER shipments_audit_deletes ON shipments;
--> statement-breakpoint
CREATE TRIGGER shipments_audit_deletes AFTER DELETE ON shipments
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-status', '-eta', '-atd', '-ata', '-customs_hold', '-rolled', '-damaged', '-lost', '-last_event_at', '-delay_notified_at', '-feed_hash', '-promised_eta', '-eta_corrected_at');
--> statement-breakpoint
DROP TRIGGER shipments_audit_inserts ON shipments;
--> statement-breakpoint
CREATE TRIGGER shipments_audit_inserts AFTER INSERT ON shipments REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-feed_hash', '-delay_notified_at', '-last_event_at', '-eta_corrected_at');
--> statement-breakpoint
-- The customer list's sort by revenue in 12 months walks this index, as the other roll-up sorts walk theirs.
CREATE INDEX "customer_shipment_rollups_revenue_idx" ON "customer_shipment_rollups" USING btree ("org_id","revenue_12m_amount","customer_id");
