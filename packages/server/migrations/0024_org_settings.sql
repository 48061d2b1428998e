CREATE TABLE "org_settings" (
	"org_id" uuid NOT NULL,
	"reporting_currency" text DEFAULT 'CNY' NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"fiscal_year_start_month" integer DEFAULT 1 NOT NULL,
	"working_calendar" jsonb DEFAULT '{"workingWeekdays":[1,2,3,4,5],"holidays":[],"workingDays":[]}'::jsonb NOT NULL,
	"shipment_delay_hours" integer DEFAULT 24 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_settings_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
DROP INDEX "calendar_feeds_token_uq";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_org_token_uq" ON "calendar_feeds" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_token_idx" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
-- The organisation's settings are audited: who changed the reporting currency, time zone, calendar or delay rule.
CREATE TRIGGER org_settings_audit AFTER UPDATE OR DELETE ON org_settings
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER org_settings_audit_inserts AFTER INSERT ON org_settings REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
-- Calendar feed addresses made from now on name their organisation and feed (`<orgId>.<id>.<secret>`, like session
-- cookies); addresses made before keep working through calendar_feeds_token_idx until their user makes a new one.
COMMENT ON INDEX calendar_feeds_token_idx IS 'Finds calendar feeds made before tokens named their organisation';
