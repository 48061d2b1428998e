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
--> statement-breakpoint
-- Keys left without shipments are deleted by the rows the upsert returned emptied, probed by key. The statement it
-- replaces looked them up as "shipments = 0 and key in (the removed rows' keys)": the planner, sure from the
-- statistics that almost no row has 0 shipments, joined every such row against every removed row, which a statement
-- emptying many keys at once (a merge moving a customer's 10,000 shipments) took 30–50 s to do.
CREATE OR REPLACE FUNCTION berth_shipment_report_apply(removed shipments[], added shipments[]) RETURNS void
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  emptied shipment_report_days[];
BEGIN
  WITH written AS (
    INSERT INTO shipment_report_days AS d
           (org_id, day, customer_id, pol, pod, mode, revenue_currency, cost_currency,
            shipments, teu, cbm, kg, revenue_amount, cost_amount)
    SELECT *
      FROM (SELECT s.org_id, (s.etd AT TIME ZONE 'Asia/Shanghai')::date AS day,
                   coalesce(s.customer_id, '00000000-0000-0000-0000-000000000000'::uuid) AS customer_id,
                   coalesce(s.pol, '') AS pol, coalesce(s.pod, '') AS pod, s.mode,
                   CASE WHEN s.revenue_amount IS NOT NULL THEN coalesce(s.revenue_currency, '') ELSE '' END
                     AS revenue_currency,
                   CASE WHEN s.cost_amount IS NOT NULL THEN coalesce(s.cost_currency, '') ELSE '' END AS cost_currency,
                   sum(s.sign)::int AS shipments, sum(s.sign * s.teu) AS teu,
                   coalesce(sum(s.sign * s.volume_cbm), 0) AS cbm, coalesce(sum(s.sign * s.gross_weight_kg), 0) AS kg,
                   coalesce(sum(s.sign * s.revenue_amount), 0) AS revenue_amount,
                   coalesce(sum(s.sign * s.cost_amount), 0) AS cost_amount
              FROM (SELECT -1 AS sign, r.* FROM unnest(removed) r
                    UNION ALL
                    SELECT 1, a.* FROM unnest(added) a) s
             WHERE s.etd IS NOT NULL
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) k
     WHERE k.shipments <> 0 OR k.teu <> 0 OR k.cbm <> 0 OR k.kg <> 0 OR k.revenue_amount <> 0 OR k.cost_amount <> 0
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (org_id, day, customer_id, pol, pod, mode, revenue_currency, cost_currency) DO UPDATE
       SET shipments = d.shipments + excluded.shipments, teu = d.teu + excluded.teu, cbm = d.cbm + excluded.cbm,
           kg = d.kg + excluded.kg, revenue_amount = d.revenue_amount + excluded.revenue_amount,
           cost_amount = d.cost_amount + excluded.cost_amount
    RETURNING d
  )
  SELECT array_agg(w.d) INTO emptied FROM written w WHERE (w.d).shipments = 0;
  IF emptied IS NOT NULL THEN
    DELETE FROM shipment_report_days d
     USING unnest(emptied) e
     WHERE d.org_id = e.org_id AND d.day = e.day AND d.customer_id = e.customer_id AND d.pol = e.pol
       AND d.pod = e.pod AND d.mode = e.mode AND d.revenue_currency = e.revenue_currency
       AND d.cost_currency = e.cost_currency;
  END IF;
END $$;
