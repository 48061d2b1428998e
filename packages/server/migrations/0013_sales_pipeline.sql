CREATE TABLE "activities" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"customer_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"minutes" text,
	"outcome" text,
	"owner_id" uuid,
	"team_id" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_participants" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid,
	"contact_id" uuid,
	CONSTRAINT "activity_participants_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "activity_participants_one_kind" CHECK ((user_id is null) <> (contact_id is null))
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"pol" text NOT NULL,
	"pod" text NOT NULL,
	"mode" text NOT NULL,
	"message" text,
	"volume" jsonb,
	"opportunity_id" uuid NOT NULL,
	"opened_opportunity" boolean NOT NULL,
	"channel" text DEFAULT 'api' NOT NULL,
	"sales_event_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "lost_reasons" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lost_reasons_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"volume_teu" numeric(12, 2),
	"volume_cbm" numeric(12, 2),
	"volume_kg" numeric(14, 2),
	"shipments_per_month" numeric(10, 2),
	"expected_revenue" numeric(16, 2),
	"expected_margin" numeric(16, 2),
	"currency" text,
	"probability" integer NOT NULL,
	"expected_close_date" date,
	"owner_id" uuid,
	"team_id" uuid,
	"source" text NOT NULL,
	"stage_key" text NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"lost_reason_id" uuid,
	"lost_note" text,
	"closed_at" timestamp with time zone,
	"sales_event_id" uuid,
	"last_activity_at" timestamp with time zone,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_lanes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"pol" text NOT NULL,
	"pod" text NOT NULL,
	"mode" text NOT NULL,
	CONSTRAINT "opportunity_lanes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"seconds_in_stage" integer,
	CONSTRAINT "opportunity_stage_changes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_stages" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"probability" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_stages_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_event_leads" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"event_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"inquiry_id" uuid,
	"note" text,
	"captured_by" uuid,
	"captured_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_event_leads_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_event_participants" (
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "sales_event_participants_org_id_event_id_user_id_pk" PRIMARY KEY("org_id","event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sales_event_shifts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	CONSTRAINT "sales_event_shifts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_events" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"description" text,
	"cost" numeric(16, 2),
	"cost_currency" text,
	"owner_id" uuid,
	"team_id" uuid,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reminded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "next_step_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"stage_key" text NOT NULL,
	"kind" text NOT NULL,
	"days" integer NOT NULL,
	"task_title" text,
	"task_priority" text DEFAULT 'normal' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "next_step_rules_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT berth_uuidv7() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_at" timestamp with time zone,
	"assignee_id" uuid NOT NULL,
	"team_id" uuid,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"related_type" text,
	"related_id" uuid,
	"customer_id" uuid,
	"source" text DEFAULT 'manual' NOT NULL,
	"rule_id" uuid,
	"dedup_key" text,
	"reminded_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_org_id_activity_id_activities_org_id_id_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_lost_reason_id_lost_reasons_org_id_id_fk" FOREIGN KEY ("org_id","lost_reason_id") REFERENCES "public"."lost_reasons"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_lanes" ADD CONSTRAINT "opportunity_lanes_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_event_leads" ADD CONSTRAINT "sales_event_leads_org_id_event_id_sales_events_org_id_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."sales_events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_event_leads" ADD CONSTRAINT "sales_event_leads_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_event_leads" ADD CONSTRAINT "sales_event_leads_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_event_participants" ADD CONSTRAINT "sales_event_participants_org_id_event_id_sales_events_org_id_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."sales_events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_event_participants" ADD CONSTRAINT "sales_event_participants_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_event_shifts" ADD CONSTRAINT "sales_event_shifts_org_id_event_id_sales_events_org_id_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."sales_events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_event_shifts" ADD CONSTRAINT "sales_event_shifts_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_assignee_id_users_org_id_id_fk" FOREIGN KEY ("org_id","assignee_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_org_customer_idx" ON "activities" USING btree ("org_id","customer_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_org_opportunity_idx" ON "activities" USING btree ("org_id","opportunity_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_org_owner_idx" ON "activities" USING btree ("org_id","owner_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_org_team_idx" ON "activities" USING btree ("org_id","team_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_participants_org_activity_idx" ON "activity_participants" USING btree ("org_id","activity_id");--> statement-breakpoint
CREATE INDEX "activity_participants_org_user_idx" ON "activity_participants" USING btree ("org_id","user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "inquiries_org_customer_idx" ON "inquiries" USING btree ("org_id","customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inquiries_org_opportunity_idx" ON "inquiries" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "inquiries_org_event_idx" ON "inquiries" USING btree ("org_id","sales_event_id") WHERE sales_event_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_org_code_uq" ON "opportunities" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "opportunities_org_owner_idx" ON "opportunities" USING btree ("org_id","owner_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_org_team_idx" ON "opportunities" USING btree ("org_id","team_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_org_customer_idx" ON "opportunities" USING btree ("org_id","customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_org_stage_idx" ON "opportunities" USING btree ("org_id","stage_key","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_org_status_close_idx" ON "opportunities" USING btree ("org_id","status","expected_close_date");--> statement-breakpoint
CREATE INDEX "opportunities_org_event_idx" ON "opportunities" USING btree ("org_id","sales_event_id") WHERE sales_event_id is not null;--> statement-breakpoint
CREATE INDEX "opportunity_lanes_org_opportunity_idx" ON "opportunity_lanes" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "opportunity_lanes_org_lane_idx" ON "opportunity_lanes" USING btree ("org_id","pol","pod");--> statement-breakpoint
CREATE INDEX "opportunity_stage_changes_org_opp_idx" ON "opportunity_stage_changes" USING btree ("org_id","opportunity_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_stages_org_key_uq" ON "opportunity_stages" USING btree ("org_id","key");--> statement-breakpoint
CREATE INDEX "sales_event_leads_org_event_idx" ON "sales_event_leads" USING btree ("org_id","event_id","captured_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sales_event_participants_org_user_idx" ON "sales_event_participants" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "sales_event_shifts_org_event_idx" ON "sales_event_shifts" USING btree ("org_id","event_id","starts_at");--> statement-breakpoint
CREATE INDEX "sales_events_org_starts_idx" ON "sales_events" USING btree ("org_id","starts_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sales_events_org_owner_idx" ON "sales_events" USING btree ("org_id","owner_id","starts_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_uq" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_org_user_idx" ON "calendar_feeds" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "next_step_rules_org_stage_idx" ON "next_step_rules" USING btree ("org_id","stage_key");--> statement-breakpoint
CREATE INDEX "tasks_org_assignee_due_idx" ON "tasks" USING btree ("org_id","assignee_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tasks_org_related_idx" ON "tasks" USING btree ("org_id","related_type","related_id");--> statement-breakpoint
CREATE INDEX "tasks_org_customer_idx" ON "tasks" USING btree ("org_id","customer_id") WHERE customer_id is not null;--> statement-breakpoint
CREATE INDEX "tasks_due_reminder_idx" ON "tasks" USING btree ("due_at") WHERE status = 'open' and reminded_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_org_dedup_uq" ON "tasks" USING btree ("org_id","dedup_key") WHERE dedup_key is not null;--> statement-breakpoint
-- The default pipeline of an organisation: stages, lost reasons and next-step rules. Called for
-- every organisation that exists now and by first-run setup for new ones.
CREATE OR REPLACE FUNCTION berth_default_pipeline(org uuid) RETURNS void AS $$
BEGIN
  INSERT INTO opportunity_stages (org_id, key, name, name_en, probability, position, kind) VALUES
    (org, 'inquiry', '询价', 'Inquiry', 10, 1, 'open'),
    (org, 'proposal', '报价/方案', 'Proposal / quote', 30, 2, 'open'),
    (org, 'negotiation', '谈判', 'Negotiation', 60, 3, 'open'),
    (org, 'won', '赢单', 'Won', 100, 4, 'won'),
    (org, 'lost', '丢单', 'Lost', 0, 5, 'lost')
  ON CONFLICT DO NOTHING;
  IF NOT EXISTS (SELECT 1 FROM lost_reasons WHERE org_id = org) THEN
    INSERT INTO lost_reasons (org_id, name, name_en, position) VALUES
      (org, '价格偏高', 'Price too high', 1),
      (org, '舱位或时效不满足', 'Space or transit time not met', 2),
      (org, '选择了竞争对手', 'Chose a competitor', 3),
      (org, '客户需求取消', 'Customer need cancelled', 4),
      (org, '服务或资质不符', 'Service or qualification mismatch', 5),
      (org, '其他', 'Other', 6);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM next_step_rules WHERE org_id = org) THEN
    INSERT INTO next_step_rules (org_id, stage_key, kind, days) VALUES
      (org, 'inquiry', 'no_activity', 2),
      (org, 'proposal', 'no_answer', 3),
      (org, 'negotiation', 'no_activity', 5);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT berth_default_pipeline(id) FROM organizations;
--> statement-breakpoint
CREATE TRIGGER opportunity_stages_audit AFTER UPDATE OR DELETE ON opportunity_stages
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER opportunity_stages_audit_inserts AFTER INSERT ON opportunity_stages REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
CREATE TRIGGER lost_reasons_audit AFTER UPDATE OR DELETE ON lost_reasons
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER lost_reasons_audit_inserts AFTER INSERT ON lost_reasons REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
CREATE TRIGGER opportunities_audit AFTER UPDATE OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-last_activity_at', '-stage_entered_at');
--> statement-breakpoint
CREATE TRIGGER opportunities_audit_inserts AFTER INSERT ON opportunities REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-last_activity_at', '-stage_entered_at');
--> statement-breakpoint
CREATE TRIGGER activities_audit AFTER UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER activities_audit_inserts AFTER INSERT ON activities REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
CREATE TRIGGER tasks_audit AFTER UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-reminded_at');
--> statement-breakpoint
CREATE TRIGGER tasks_audit_inserts AFTER INSERT ON tasks REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-reminded_at');
--> statement-breakpoint
CREATE TRIGGER next_step_rules_audit AFTER UPDATE OR DELETE ON next_step_rules
  FOR EACH ROW EXECUTE FUNCTION berth_audit();
--> statement-breakpoint
CREATE TRIGGER next_step_rules_audit_inserts AFTER INSERT ON next_step_rules REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts();
--> statement-breakpoint
CREATE TRIGGER sales_events_audit AFTER UPDATE OR DELETE ON sales_events
  FOR EACH ROW EXECUTE FUNCTION berth_audit('-reminded_at');
--> statement-breakpoint
CREATE TRIGGER sales_events_audit_inserts AFTER INSERT ON sales_events REFERENCING NEW TABLE AS berth_inserted
  FOR EACH STATEMENT EXECUTE FUNCTION berth_audit_inserts('-reminded_at');
