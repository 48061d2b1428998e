CREATE TABLE "shipment_milestone_alerts" (
	"org_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"alerted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shipment_milestone_alerts_org_id_shipment_id_milestone_pk" PRIMARY KEY("org_id","shipment_id","milestone")
);
--> statement-breakpoint
ALTER TABLE "shipment_milestone_alerts" ADD CONSTRAINT "shipment_milestone_alerts_org_id_shipment_id_shipments_org_id_id_fk" FOREIGN KEY ("org_id","shipment_id") REFERENCES "public"."shipments"("org_id","id") ON DELETE cascade ON UPDATE no action;