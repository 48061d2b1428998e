CREATE TABLE "segments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"filters" jsonb NOT NULL,
	"shared" boolean DEFAULT true NOT NULL,
	"owner_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"resource" text NOT NULL,
	"name" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"owner_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "duplicate_dismissals" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"kind" text NOT NULL,
	"match_key" text NOT NULL,
	"customer_ids" uuid[] NOT NULL,
	"dismissed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "segments_org_owner_idx" ON "segments" USING btree ("org_id","owner_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "segments_org_id_desc_idx" ON "segments" USING btree ("org_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "saved_views_org_resource_owner_idx" ON "saved_views" USING btree ("org_id","resource","owner_id");--> statement-breakpoint
CREATE INDEX "saved_views_org_resource_shared_idx" ON "saved_views" USING btree ("org_id","resource") WHERE shared;--> statement-breakpoint
CREATE INDEX "duplicate_dismissals_org_kind_key_idx" ON "duplicate_dismissals" USING btree ("org_id","kind","match_key");--> statement-breakpoint
CREATE TRIGGER segments_audit AFTER INSERT OR UPDATE OR DELETE ON segments
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER duplicate_dismissals_audit AFTER INSERT OR UPDATE OR DELETE ON duplicate_dismissals
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
-- Whether a stored Unified Social Credit Code (GB 32100-2015) is well formed and its check character matches:
-- 18 characters from the 31-character alphabet, the last one (31 - weighted sum mod 31) mod 31. Immutable, so the data
-- quality report can check every row in one set-based pass; the same rule as checkCreditCode in the domain package.
CREATE OR REPLACE FUNCTION berth_credit_code_valid(code text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN code !~ '^[0-9A-HJ-NP-RTUW-Y]{18}$' THEN false
    ELSE substr(code, 18, 1) = substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
      (31 - ((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 1, 1)) - 1) * 1 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 2, 1)) - 1) * 3 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 3, 1)) - 1) * 9 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 4, 1)) - 1) * 27 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 5, 1)) - 1) * 19 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 6, 1)) - 1) * 26 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 7, 1)) - 1) * 16 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 8, 1)) - 1) * 17 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 9, 1)) - 1) * 20 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 10, 1)) - 1) * 29 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 11, 1)) - 1) * 25 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 12, 1)) - 1) * 13 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 13, 1)) - 1) * 8 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 14, 1)) - 1) * 24 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 15, 1)) - 1) * 10 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 16, 1)) - 1) * 30 + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 17, 1)) - 1) * 28) % 31) % 31 + 1, 1)
  END
$$;
--> statement-breakpoint
CREATE INDEX "customers_invalid_credit_code_idx" ON "customers" USING btree ("org_id","id" DESC NULLS LAST) WHERE credit_code is not null and not berth_credit_code_valid(credit_code);--> statement-breakpoint
CREATE INDEX "customers_invalid_phone_idx" ON "customers" USING btree ("org_id","id" DESC NULLS LAST) WHERE phone is not null and phone !~ '^\+[1-9][0-9]{5,14}$';--> statement-breakpoint
CREATE INDEX "customers_invalid_email_idx" ON "customers" USING btree ("org_id","id" DESC NULLS LAST) WHERE email is not null and email !~ '^[^@\s]+@[^@\s]+\.[^@\s.]+$';
