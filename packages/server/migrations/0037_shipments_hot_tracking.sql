-- A tracking batch rewrites up to 5,000 shipment rows (status, ETA, actual times, exception flags, last event time).
-- Two things made each of those row updates dear:
-- 1. No update was HOT: status sat in shipments_org_status_idx and the flags in the predicate of
--    shipments_org_exception_idx, and the pages were full, so every moved shipment got a new entry in each index of
--    the table. The list's status and exception filters page newest first (id desc) through the primary key instead:
--    shipments still in a status or with an exception are mostly the recent ones. The table keeps room on each page
--    (fillfactor) so that the new version of a row fits beside the old one. Rows written before this migration
--    gain the room when the table is rewritten (VACUUM FULL, or pg_repack without the lock).
DROP INDEX "shipments_org_status_idx";
--> statement-breakpoint
DROP INDEX "shipments_org_exception_idx";
--> statement-breakpoint
ALTER TABLE "shipments" SET (fillfactor = 70);
--> statement-breakpoint
-- 2. The row audit's WHEN condition (migration 0029) turned both row versions into jsonb for every updated row, only
--    to find that a tracking update changed nothing it logs: about 80 µs a row. The trigger now fires only for an
--    update that sets an audited column (UPDATE OF); the condition still skips those that set one to its old value.
--    A column added to shipments must be added to this list unless it is left out of the audit (the '-' arguments);
--    shipments-audit-columns.integration.test.ts checks it.
DROP TRIGGER shipments_audit ON shipments;
--> statement-breakpoint
CREATE TRIGGER shipments_audit
  AFTER UPDATE OF source, external_id, mode, customer_id, booking_number, master_bl, house_bl, pol, pod,
    place_of_receipt, place_of_delivery, lane_key, carrier, vessel, voyage, flight_number, etd, packages,
    gross_weight_kg, volume_cbm, chargeable_weight_kg, teu, commodity, hs_code, incoterm, revenue_amount,
    revenue_currency, cost_amount, cost_currency, on_time
  ON shipments
  FOR EACH ROW
  WHEN ((to_jsonb(OLD) - ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id', 'status', 'eta', 'atd', 'ata', 'customs_hold', 'rolled', 'damaged', 'lost', 'last_event_at', 'delay_notified_at', 'feed_hash', 'promised_eta', 'eta_corrected_at'])
        IS DISTINCT FROM
        (to_jsonb(NEW) - ARRAY['version', 'updated_at', 'created_at', 'org_id', 'id', 'status', 'eta', 'atd', 'ata', 'customs_hold', 'rolled', 'damaged', 'lost', 'last_event_at', 'delay_notified_at', 'feed_hash', 'promised_eta', 'eta_corrected_at']))
  EXECUTE FUNCTION berth_audit('-status', '-eta', '-atd', '-ata', '-customs_hold', '-rolled', '-damaged', '-lost', '-last_event_at', '-delay_notified_at', '-feed_hash', '-promised_eta', '-eta_corrected_at');
