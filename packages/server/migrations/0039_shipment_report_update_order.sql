-- The report's aggregate followed updates of shipments row by row (migration 0036), in the order the update
-- visited them: two transactions updating shipments of the same keys in opposite orders (two merges, a party link and
-- a feed batch, corrections) locked the same aggregate rows in opposite orders and one of them died of a deadlock.
-- Updates now go through a statement trigger like inserts and deletes: the rows whose report columns changed are
-- netted per key and written in key order (berth_shipment_report_apply), so two statements meet on the aggregate's
-- rows in the same order. PostgreSQL refuses transition tables on a trigger with a column list (UPDATE OF), so it
-- fires for every update of shipments; for a tracking update, which changes none of the report's columns, it costs one
-- hash join of the statement's old and new rows on those columns and returns (docs/decisions/0007-shipments.md).
DROP TRIGGER shipments_report_updates ON shipments;
--> statement-breakpoint
DROP FUNCTION berth_shipment_report_updated();
--> statement-breakpoint
CREATE FUNCTION berth_shipment_report_updated() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  removed shipments[];
  added shipments[];
BEGIN
  SELECT array_agg(o::shipments), array_agg(n::shipments) INTO removed, added
    FROM berth_report_old o JOIN berth_report_new n ON n.org_id = o.org_id AND n.id = o.id
   WHERE (o.customer_id, o.pol, o.pod, o.mode, o.etd, o.teu, o.volume_cbm, o.gross_weight_kg,
          o.revenue_amount, o.revenue_currency, o.cost_amount, o.cost_currency)
         IS DISTINCT FROM
         (n.customer_id, n.pol, n.pod, n.mode, n.etd, n.teu, n.volume_cbm, n.gross_weight_kg,
          n.revenue_amount, n.revenue_currency, n.cost_amount, n.cost_currency);
  IF removed IS NOT NULL THEN
    PERFORM berth_shipment_report_apply(removed, added);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER shipments_report_updates AFTER UPDATE ON shipments
  REFERENCING OLD TABLE AS berth_report_old NEW TABLE AS berth_report_new
  FOR EACH STATEMENT EXECUTE FUNCTION berth_shipment_report_updated();
