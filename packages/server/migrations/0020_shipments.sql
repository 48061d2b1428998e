CREATE TABLE "exchange_rates" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"base" text NOT NULL,
	"quote" text NOT NULL,
	"date" date NOT NULL,
	"rate" numeric(24, 10) NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_org_id_base_quote_date_pk" PRIMARY KEY("org_id","base","quote","date")
);
--> statement-breakpoint
CREATE TABLE "shipment_containers" (
	"org_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"seal" text,
	CONSTRAINT "shipment_containers_org_id_shipment_id_position_pk" PRIMARY KEY("org_id","shipment_id","position")
);
--> statement-breakpoint
CREATE TABLE "shipment_events" (
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"shipment_external_id" text NOT NULL,
	"shipment_id" uuid,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"location" text,
	"data" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipment_events_org_id_source_event_id_pk" PRIMARY KEY("org_id","source","event_id")
);
--> statement-breakpoint
CREATE TABLE "shipment_parties" (
	"org_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"role" text NOT NULL,
	"customer_id" uuid,
	"unmatched_party_id" uuid,
	"name" text,
	"customer_code" text,
	"credit_code" text,
	CONSTRAINT "shipment_parties_org_id_shipment_id_role_pk" PRIMARY KEY("org_id","shipment_id","role")
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"customer_id" uuid,
	"booking_number" text,
	"master_bl" text,
	"house_bl" text,
	"pol" text,
	"pod" text,
	"place_of_receipt" text,
	"place_of_delivery" text,
	"lane_key" text,
	"carrier" text,
	"vessel" text,
	"voyage" text,
	"flight_number" text,
	"etd" timestamp with time zone,
	"eta" timestamp with time zone,
	"atd" timestamp with time zone,
	"ata" timestamp with time zone,
	"promised_eta" timestamp with time zone,
	"packages" integer,
	"gross_weight_kg" numeric(14, 3),
	"volume_cbm" numeric(12, 3),
	"chargeable_weight_kg" numeric(14, 3),
	"teu" numeric(8, 2) DEFAULT '0' NOT NULL,
	"commodity" text,
	"hs_code" text,
	"incoterm" text,
	"revenue_amount" numeric(18, 4),
	"revenue_currency" text,
	"cost_amount" numeric(18, 4),
	"cost_currency" text,
	"on_time" boolean,
	"damaged" boolean DEFAULT false NOT NULL,
	"lost" boolean DEFAULT false NOT NULL,
	"customs_hold" boolean DEFAULT false NOT NULL,
	"rolled" boolean DEFAULT false NOT NULL,
	"last_event_at" timestamp with time zone,
	"delay_notified_at" timestamp with time zone,
	"feed_hash" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "unmatched_parties" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"match_key" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"customer_code" text,
	"status" text DEFAULT 'open' NOT NULL,
	"customer_id" uuid,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unmatched_parties_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "shipment_containers" ADD CONSTRAINT "shipment_containers_org_id_shipment_id_shipments_org_id_id_fk" FOREIGN KEY ("org_id","shipment_id") REFERENCES "public"."shipments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_events" ADD CONSTRAINT "shipment_events_org_id_shipment_id_shipments_org_id_id_fk" FOREIGN KEY ("org_id","shipment_id") REFERENCES "public"."shipments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_parties" ADD CONSTRAINT "shipment_parties_org_id_shipment_id_shipments_org_id_id_fk" FOREIGN KEY ("org_id","shipment_id") REFERENCES "public"."shipments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_parties" ADD CONSTRAINT "shipment_parties_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_parties" ADD CONSTRAINT "shipment_parties_org_id_unmatched_party_id_unmatched_parties_org_id_id_fk" FOREIGN KEY ("org_id","unmatched_party_id") REFERENCES "public"."unmatched_parties"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_parties" ADD CONSTRAINT "unmatched_parties_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipment_containers_org_number_idx" ON "shipment_containers" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "shipment_events_org_shipment_idx" ON "shipment_events" USING btree ("org_id","shipment_id","occurred_at");--> statement-breakpoint
CREATE INDEX "shipment_events_org_waiting_idx" ON "shipment_events" USING btree ("org_id","source","shipment_external_id") WHERE shipment_id is null;--> statement-breakpoint
CREATE INDEX "shipment_parties_org_customer_idx" ON "shipment_parties" USING btree ("org_id","customer_id") WHERE customer_id is not null;--> statement-breakpoint
CREATE INDEX "shipment_parties_org_unmatched_idx" ON "shipment_parties" USING btree ("org_id","unmatched_party_id") WHERE unmatched_party_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_org_source_external_uq" ON "shipments" USING btree ("org_id","source","external_id");--> statement-breakpoint
CREATE INDEX "shipments_org_customer_etd_idx" ON "shipments" USING btree ("org_id","customer_id","etd" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "shipments_org_id_idx" ON "shipments" USING btree ("org_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "shipments_org_status_idx" ON "shipments" USING btree ("org_id","status","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "shipments_org_lane_idx" ON "shipments" USING btree ("org_id","pol","pod","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "shipments_org_etd_idx" ON "shipments" USING btree ("org_id","etd");--> statement-breakpoint
CREATE INDEX "shipments_org_booking_idx" ON "shipments" USING btree ("org_id","booking_number") WHERE booking_number is not null;--> statement-breakpoint
CREATE INDEX "shipments_org_master_bl_idx" ON "shipments" USING btree ("org_id","master_bl") WHERE master_bl is not null;--> statement-breakpoint
CREATE INDEX "shipments_org_house_bl_idx" ON "shipments" USING btree ("org_id","house_bl") WHERE house_bl is not null;--> statement-breakpoint
CREATE INDEX "shipments_org_exception_idx" ON "shipments" USING btree ("org_id","id" DESC NULLS LAST) WHERE rolled or customs_hold or damaged or lost;--> statement-breakpoint
CREATE UNIQUE INDEX "unmatched_parties_org_key_uq" ON "unmatched_parties" USING btree ("org_id","match_key");--> statement-breakpoint
CREATE INDEX "unmatched_parties_org_status_idx" ON "unmatched_parties" USING btree ("org_id","status","id" DESC NULLS LAST);--> statement-breakpoint
-- Changes to a shipment are audited; what its tracking events add up to (status, ETA, actual times, exception
-- flags) is not: the events table is the record of those, and a feed of millions of events would double the log.
CREATE TRIGGER shipments_audit AFTER UPDATE OR DELETE ON shipments
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-status', '-eta', '-atd', '-ata', '-customs_hold', '-rolled', '-damaged', '-lost', '-last_event_at', '-delay_notified_at', '-feed_hash', '-promised_eta');
--> statement-breakpoint
CREATE TRIGGER shipments_audit_inserts AFTER INSERT ON shipments REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-feed_hash', '-delay_notified_at', '-last_event_at');
--> statement-breakpoint
CREATE TRIGGER unmatched_parties_audit AFTER UPDATE OR DELETE ON unmatched_parties
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER exchange_rates_audit AFTER UPDATE OR DELETE ON exchange_rates
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER exchange_rates_audit_inserts AFTER INSERT ON exchange_rates REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
