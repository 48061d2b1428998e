CREATE TABLE "shipment_tracking" (
	"org_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"milestone_rank" integer,
	"first_departed_at" timestamp with time zone,
	"last_arrived_at" timestamp with time zone,
	"eta" timestamp with time zone,
	"eta_event_at" timestamp with time zone,
	"eta_event_source" text,
	"eta_event_id" text,
	"customs_hold" boolean,
	"hold_event_at" timestamp with time zone,
	"hold_event_source" text,
	"hold_event_id" text,
	"rolled" boolean DEFAULT false NOT NULL,
	"damaged" boolean DEFAULT false NOT NULL,
	"lost" boolean DEFAULT false NOT NULL,
	"last_event_at" timestamp with time zone,
	CONSTRAINT "shipment_tracking_org_id_shipment_id_pk" PRIMARY KEY("org_id","shipment_id")
);
--> statement-breakpoint
ALTER TABLE "shipment_tracking" ADD CONSTRAINT "shipment_tracking_org_id_shipment_id_shipments_org_id_id_fk" FOREIGN KEY ("org_id","shipment_id") REFERENCES "public"."shipments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What the stored events add up to, folded once for every shipment that has events (the feed folds each batch's
-- new events from here on). The rule is the one in modules/shipments/tracking.ts.
INSERT INTO shipment_tracking
  (org_id, shipment_id, milestone_rank, first_departed_at, last_arrived_at, eta, eta_event_at, eta_event_source,
   eta_event_id, customs_hold, hold_event_at, hold_event_source, hold_event_id, rolled, damaged, lost, last_event_at)
SELECT org_id, shipment_id, milestone_rank, first_departed_at, last_arrived_at,
       (eta ->> 0)::timestamptz, (eta ->> 1)::timestamptz, eta ->> 2, eta ->> 3,
       (hold ->> 0)::boolean, (hold ->> 1)::timestamptz, hold ->> 2, hold ->> 3,
       rolled, damaged, lost, last_event_at
  FROM (
    SELECT org_id, shipment_id,
           max(array_position(array['booked','gate_in','loaded','departed','transhipped','arrived','discharged','customs_released','delivered']::text[], type)) AS milestone_rank,
           min(occurred_at) FILTER (WHERE type = 'departed') AS first_departed_at,
           max(occurred_at) FILTER (WHERE type = 'arrived') AS last_arrived_at,
           (array_agg(jsonb_build_array(data ->> 'eta', occurred_at, source, event_id)
                      ORDER BY occurred_at DESC, source COLLATE "C" DESC, event_id COLLATE "C" DESC)
              FILTER (WHERE type = 'eta_changed' AND jsonb_typeof(data -> 'eta') = 'string'))[1] AS eta,
           (array_agg(jsonb_build_array(type = 'customs_hold', occurred_at, source, event_id)
                      ORDER BY occurred_at DESC, type = 'customs_hold' DESC, source COLLATE "C" DESC, event_id COLLATE "C" DESC)
              FILTER (WHERE type IN ('customs_hold', 'customs_released')))[1] AS hold,
           bool_or(type = 'rolled') AS rolled, bool_or(type = 'damaged') AS damaged, bool_or(type = 'lost') AS lost,
           max(occurred_at) AS last_event_at
      FROM shipment_events
     WHERE shipment_id IS NOT NULL
     GROUP BY org_id, shipment_id
  ) folded;
--> statement-breakpoint
-- The latest event time moves with every event: it lives in shipment_tracking only, so an event that changes
-- nothing else a user sees leaves the shipment row (11 indexes, the row audit) alone.
ALTER TABLE "shipments" DROP COLUMN "last_event_at";