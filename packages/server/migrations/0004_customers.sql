CREATE TABLE "contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"wechat" text,
	"birthday" date,
	"is_primary" boolean DEFAULT false NOT NULL,
	"preferred_channel" text,
	"marketing_consent" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"left_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "counters_org_id_name_pk" PRIMARY KEY("org_id","name")
);
--> statement-breakpoint
CREATE TABLE "customer_lanes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"customer_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"pol" text NOT NULL,
	"pod" text NOT NULL,
	"mode" text NOT NULL,
	"volume" double precision,
	"volume_unit" text,
	CONSTRAINT "customer_lanes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_tags" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_tags_org_id_customer_id_tag_id_pk" PRIMARY KEY("org_id","customer_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"credit_code" text,
	"address" text,
	"country" text,
	"website" text,
	"phone" text,
	"email" text,
	"industry" text,
	"employees" integer,
	"annual_revenue" numeric(18, 2),
	"revenue_currency" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"relationship_type" text,
	"status" text DEFAULT 'prospect' NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"trade_profile" jsonb NOT NULL,
	"billing" jsonb NOT NULL,
	"name_key" text NOT NULL,
	"name_en_key" text,
	"name_pinyin" text,
	"search_text" text NOT NULL,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT 'blue' NOT NULL,
	"group_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "builtin_resources" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_lanes" ADD CONSTRAINT "customer_lanes_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_tags" ADD CONSTRAINT "customer_tags_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_tags" ADD CONSTRAINT "customer_tags_org_id_tag_id_tags_org_id_id_fk" FOREIGN KEY ("org_id","tag_id") REFERENCES "public"."tags"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_org_customer_idx" ON "contacts" USING btree ("org_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_lanes_org_customer_idx" ON "customer_lanes" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_lanes_org_pol_pod_idx" ON "customer_lanes" USING btree ("org_id","pol","pod");--> statement-breakpoint
CREATE INDEX "customer_tags_org_tag_idx" ON "customer_tags" USING btree ("org_id","tag_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_code_uq" ON "customers" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_credit_code_uq" ON "customers" USING btree ("org_id","credit_code") WHERE credit_code is not null and merged_into_id is null;--> statement-breakpoint
CREATE INDEX "customers_org_owner_idx" ON "customers" USING btree ("org_id","owner_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customers_org_team_idx" ON "customers" USING btree ("org_id","team_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customers_org_status_idx" ON "customers" USING btree ("org_id","status","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customers_org_country_idx" ON "customers" USING btree ("org_id","country","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customers_org_name_key_idx" ON "customers" USING btree ("org_id","name_key");--> statement-breakpoint
CREATE INDEX "customers_org_name_en_key_idx" ON "customers" USING btree ("org_id","name_en_key");--> statement-breakpoint
CREATE INDEX "customers_org_name_pinyin_idx" ON "customers" USING btree ("org_id","name_pinyin");--> statement-breakpoint
CREATE INDEX "customers_name_key_trgm_idx" ON "customers" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_org_phone_idx" ON "customers" USING btree ("org_id","phone");--> statement-breakpoint
CREATE INDEX "customers_search_trgm_idx" ON "customers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "tags_org_name_uq" ON "tags" USING btree ("org_id",lower("name"));