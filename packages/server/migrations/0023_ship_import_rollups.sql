CREATE TABLE "customer_shipment_rollups" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"first_shipment_at" timestamp with time zone,
	"last_shipment_at" timestamp with time zone,
	"shipments_12m" integer DEFAULT 0 NOT NULL,
	"teu_12m" numeric DEFAULT '0' NOT NULL,
	"revenue_12m_amount" numeric DEFAULT '0' NOT NULL,
	"revenue_12m_currency" text NOT NULL,
	"revenue_complete" boolean DEFAULT true NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_shipment_rollups_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "pool_rules" ADD COLUMN "exempt_roles" text[] DEFAULT '{consignee,notify_party,overseas_agent,carrier}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "pool_rules" ADD COLUMN "exempt_relationships" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_shipment_rollups" ADD CONSTRAINT "customer_shipment_rollups_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_shipment_rollups_last_idx" ON "customer_shipment_rollups" USING btree ("org_id","last_shipment_at","customer_id");--> statement-breakpoint
CREATE INDEX "customer_shipment_rollups_count_idx" ON "customer_shipment_rollups" USING btree ("org_id","shipments_12m","customer_id");--> statement-breakpoint
CREATE INDEX "customer_shipment_rollups_teu_idx" ON "customer_shipment_rollups" USING btree ("org_id","teu_12m","customer_id");