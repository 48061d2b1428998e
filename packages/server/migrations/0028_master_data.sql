-- Master data for forwarders: phone extensions of the company number, the period of a lane's volume, the HS chapter
-- and special-cargo filters (a GIN index on the trade profile), and attachments on contacts and opportunities.
-- Existing rows keep their values: no extension, lane volumes without a period, trade profiles without chapters.
ALTER TABLE "attachments" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "opportunity_id" uuid;--> statement-breakpoint
ALTER TABLE "customer_lanes" ADD COLUMN "volume_period" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_extension" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_org_contact_idx" ON "attachments" USING btree ("org_id","contact_id","id" DESC NULLS LAST) WHERE contact_id is not null;--> statement-breakpoint
CREATE INDEX "attachments_org_opportunity_idx" ON "attachments" USING btree ("org_id","opportunity_id","id" DESC NULLS LAST) WHERE opportunity_id is not null;--> statement-breakpoint
CREATE INDEX "customers_trade_profile_idx" ON "customers" USING gin ("trade_profile" jsonb_path_ops);--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_one_owner_ck" CHECK (contact_id is null or opportunity_id is null);
