ALTER TABLE "customers" ADD COLUMN "owner_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "protected_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_deal_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "pooled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "pool_warned_at" timestamp with time zone;--> statement-breakpoint
UPDATE "customers" SET "owner_since" = "created_at" WHERE "owner_id" IS NOT NULL;
--> statement-breakpoint
-- Follow-up/deal timestamps and the protection bookkeeping are derived; only owner and pool entry are history.
DROP TRIGGER customers_audit ON customers;--> statement-breakpoint
CREATE TRIGGER customers_audit AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-search_text', '-name_key', '-name_en_key', '-name_pinyin',
    '-owner_since', '-protected_until', '-last_follow_up_at', '-last_deal_at', '-pool_warned_at');
