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
--> statement-breakpoint
CREATE TABLE "pool_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"team_id" uuid,
	"enabled" boolean DEFAULT false NOT NULL,
	"protection_days" integer DEFAULT 7 NOT NULL,
	"no_follow_up_days" integer,
	"no_deal_days" integer,
	"warn_days_before" integer DEFAULT 3 NOT NULL,
	"max_claimed_held" integer,
	"max_claims_per_day" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_rules_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "ownership_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_owner_id" uuid,
	"to_owner_id" uuid,
	"from_team_id" uuid,
	"to_team_id" uuid,
	"reason" text,
	"details" jsonb,
	"actor_id" uuid,
	"actor_type" text DEFAULT 'user' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ownership_changes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "pool_rules" ADD CONSTRAINT "pool_rules_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_changes" ADD CONSTRAINT "ownership_changes_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pool_rules_org_default_uq" ON "pool_rules" USING btree ("org_id") WHERE team_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pool_rules_org_team_uq" ON "pool_rules" USING btree ("org_id","team_id") WHERE team_id is not null;--> statement-breakpoint
CREATE INDEX "ownership_changes_org_customer_idx" ON "ownership_changes" USING btree ("org_id","customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ownership_changes_org_to_owner_idx" ON "ownership_changes" USING btree ("org_id","to_owner_id","at" DESC NULLS LAST) WHERE kind = 'claim';--> statement-breakpoint
CREATE INDEX "customers_org_pool_idx" ON "customers" USING btree ("org_id","team_id","pooled_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE owner_id is null and pooled_at is not null;--> statement-breakpoint
CREATE TRIGGER pool_rules_audit AFTER INSERT OR UPDATE OR DELETE ON pool_rules
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
