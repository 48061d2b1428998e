CREATE TABLE "shipment_report_days" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"customer_id" uuid NOT NULL,
	"pol" text NOT NULL,
	"pod" text NOT NULL,
	"mode" text NOT NULL,
	"revenue_currency" text NOT NULL,
	"cost_currency" text NOT NULL,
	"shipments" integer NOT NULL,
	"teu" numeric NOT NULL,
	"cbm" numeric NOT NULL,
	"kg" numeric NOT NULL,
	"revenue_amount" numeric NOT NULL,
	"cost_amount" numeric NOT NULL,
	CONSTRAINT "shipment_report_days_pk" PRIMARY KEY("org_id","day","customer_id","pol","pod","mode","revenue_currency","cost_currency")
);
--> statement-breakpoint
-- The shipments report's aggregate (docs/decisions/0007-shipments.md), one row per organisation, ETD day in the
-- business time zone (Asia/Shanghai, domain `businessTimeZone`), customer, POL, POD, mode and the currencies of
-- revenue and cost. `removed` are shipment rows as they were, `added` as they are now: their contributions are
-- netted per key first, so a change that leaves a key's figures as they were writes nothing, and keys are written in
-- key order (two transactions meet on the same rows in the same order). A key that no shipment holds any more goes.
CREATE FUNCTION berth_shipment_report_apply(removed shipments[], added shipments[]) RETURNS void
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
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
         cost_amount = d.cost_amount + excluded.cost_amount;
  IF cardinality(removed) > 0 THEN
    DELETE FROM shipment_report_days d
     WHERE d.shipments = 0
       AND (d.org_id, d.day, d.customer_id, d.pol, d.pod, d.mode, d.revenue_currency, d.cost_currency) IN (
             SELECT r.org_id, (r.etd AT TIME ZONE 'Asia/Shanghai')::date,
                    coalesce(r.customer_id, '00000000-0000-0000-0000-000000000000'::uuid),
                    coalesce(r.pol, ''), coalesce(r.pod, ''), r.mode,
                    CASE WHEN r.revenue_amount IS NOT NULL THEN coalesce(r.revenue_currency, '') ELSE '' END,
                    CASE WHEN r.cost_amount IS NOT NULL THEN coalesce(r.cost_currency, '') ELSE '' END
               FROM unnest(removed) r
              WHERE r.etd IS NOT NULL);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION berth_shipment_report_inserted() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  PERFORM berth_shipment_report_apply('{}', array(SELECT n::shipments FROM berth_report_new n));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION berth_shipment_report_deleted() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  PERFORM berth_shipment_report_apply(array(SELECT o::shipments FROM berth_report_old o), '{}');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- One shipment's change (the row trigger below): its old key loses it, its new key gains it.
CREATE FUNCTION berth_shipment_report_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  remaining integer;
  old_revenue text := CASE WHEN OLD.revenue_amount IS NOT NULL THEN coalesce(OLD.revenue_currency, '') ELSE '' END;
  old_cost text := CASE WHEN OLD.cost_amount IS NOT NULL THEN coalesce(OLD.cost_currency, '') ELSE '' END;
BEGIN
  IF OLD.etd IS NOT NULL THEN
    UPDATE shipment_report_days
       SET shipments = shipments - 1, teu = teu - OLD.teu, cbm = cbm - coalesce(OLD.volume_cbm, 0),
           kg = kg - coalesce(OLD.gross_weight_kg, 0), revenue_amount = revenue_amount - coalesce(OLD.revenue_amount, 0),
           cost_amount = cost_amount - coalesce(OLD.cost_amount, 0)
     WHERE org_id = OLD.org_id AND day = (OLD.etd AT TIME ZONE 'Asia/Shanghai')::date
       AND customer_id = coalesce(OLD.customer_id, '00000000-0000-0000-0000-000000000000'::uuid)
       AND pol = coalesce(OLD.pol, '') AND pod = coalesce(OLD.pod, '') AND mode = OLD.mode
       AND revenue_currency = old_revenue AND cost_currency = old_cost
    RETURNING shipments INTO remaining;
    IF remaining = 0 THEN
      DELETE FROM shipment_report_days
       WHERE org_id = OLD.org_id AND day = (OLD.etd AT TIME ZONE 'Asia/Shanghai')::date
         AND customer_id = coalesce(OLD.customer_id, '00000000-0000-0000-0000-000000000000'::uuid)
         AND pol = coalesce(OLD.pol, '') AND pod = coalesce(OLD.pod, '') AND mode = OLD.mode
         AND revenue_currency = old_revenue AND cost_currency = old_cost;
    END IF;
  END IF;
  IF NEW.etd IS NOT NULL THEN
    INSERT INTO shipment_report_days AS d
           (org_id, day, customer_id, pol, pod, mode, revenue_currency, cost_currency,
            shipments, teu, cbm, kg, revenue_amount, cost_amount)
    VALUES (NEW.org_id, (NEW.etd AT TIME ZONE 'Asia/Shanghai')::date,
            coalesce(NEW.customer_id, '00000000-0000-0000-0000-000000000000'::uuid),
            coalesce(NEW.pol, ''), coalesce(NEW.pod, ''), NEW.mode,
            CASE WHEN NEW.revenue_amount IS NOT NULL THEN coalesce(NEW.revenue_currency, '') ELSE '' END,
            CASE WHEN NEW.cost_amount IS NOT NULL THEN coalesce(NEW.cost_currency, '') ELSE '' END,
            1, NEW.teu, coalesce(NEW.volume_cbm, 0), coalesce(NEW.gross_weight_kg, 0),
            coalesce(NEW.revenue_amount, 0), coalesce(NEW.cost_amount, 0))
    ON CONFLICT (org_id, day, customer_id, pol, pod, mode, revenue_currency, cost_currency) DO UPDATE
       SET shipments = d.shipments + 1, teu = d.teu + excluded.teu, cbm = d.cbm + excluded.cbm,
           kg = d.kg + excluded.kg, revenue_amount = d.revenue_amount + excluded.revenue_amount,
           cost_amount = d.cost_amount + excluded.cost_amount;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER shipments_report_inserts AFTER INSERT ON shipments REFERENCING NEW TABLE AS berth_report_new
  FOR EACH STATEMENT EXECUTE FUNCTION berth_shipment_report_inserted();
--> statement-breakpoint
CREATE TRIGGER shipments_report_deletes AFTER DELETE ON shipments REFERENCING OLD TABLE AS berth_report_old
  FOR EACH STATEMENT EXECUTE FUNCTION berth_shipment_report_deleted();
--> statement-breakpoint
-- PostgreSQL refuses transition tables on a trigger with a column list, and a statement trigger without the list
-- would capture every row of every tracking update (thousands a feed batch) to find nothing changed. So updates
-- go row by row, but only for an UPDATE that sets one of the report's columns (a tracking update sets none) and
-- only for rows where one of them changed.
CREATE TRIGGER shipments_report_updates
  AFTER UPDATE OF customer_id, pol, pod, mode, etd, teu, volume_cbm, gross_weight_kg,
                  revenue_amount, revenue_currency, cost_amount, cost_currency ON shipments
  FOR EACH ROW
  WHEN ((OLD.customer_id, OLD.pol, OLD.pod, OLD.mode, OLD.etd, OLD.teu, OLD.volume_cbm, OLD.gross_weight_kg,
         OLD.revenue_amount, OLD.revenue_currency, OLD.cost_amount, OLD.cost_currency)
        IS DISTINCT FROM
        (NEW.customer_id, NEW.pol, NEW.pod, NEW.mode, NEW.etd, NEW.teu, NEW.volume_cbm, NEW.gross_weight_kg,
         NEW.revenue_amount, NEW.revenue_currency, NEW.cost_amount, NEW.cost_currency))
  EXECUTE FUNCTION berth_shipment_report_updated();
--> statement-breakpoint
-- The shipments recorded before this migration.
INSERT INTO shipment_report_days
       (org_id, day, customer_id, pol, pod, mode, revenue_currency, cost_currency,
        shipments, teu, cbm, kg, revenue_amount, cost_amount)
SELECT org_id, (etd AT TIME ZONE 'Asia/Shanghai')::date,
       coalesce(customer_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(pol, ''), coalesce(pod, ''), mode,
       CASE WHEN revenue_amount IS NOT NULL THEN coalesce(revenue_currency, '') ELSE '' END,
       CASE WHEN cost_amount IS NOT NULL THEN coalesce(cost_currency, '') ELSE '' END,
       count(*), sum(teu), coalesce(sum(volume_cbm), 0), coalesce(sum(gross_weight_kg), 0),
       coalesce(sum(revenue_amount), 0), coalesce(sum(cost_amount), 0)
  FROM shipments
 WHERE etd IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
