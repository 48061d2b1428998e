CREATE TABLE "database_upkeep_runs" (
	"id" uuid PRIMARY KEY DEFAULT berth_uuidv7() NOT NULL,
	"trigger" text NOT NULL,
	"kind" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"database_bytes_before" bigint NOT NULL,
	"database_bytes_after" bigint,
	"tables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "database_upkeep_runs_started_idx" ON "database_upkeep_runs" USING btree ("started_at");