ALTER TABLE "sales_event_leads" ADD COLUMN "handed_to_id" uuid;--> statement-breakpoint
ALTER TABLE "sales_event_leads" ADD COLUMN "handover" jsonb;