-- Money, one way everywhere: every amount is a numeric(18, 4) with its own currency column, and the single
-- `financials` right is split into revenue, costMargin and billingCredit. The data is kept; the data moves below
-- are not changes anyone made, so the row audit is off while they run.
ALTER TABLE "customers" ALTER COLUMN "annual_revenue" SET DATA TYPE numeric(18, 4);--> statement-breakpoint
ALTER TABLE "opportunities" ALTER COLUMN "expected_revenue" SET DATA TYPE numeric(18, 4);--> statement-breakpoint
ALTER TABLE "opportunities" ALTER COLUMN "expected_margin" SET DATA TYPE numeric(18, 4);--> statement-breakpoint
ALTER TABLE "sales_events" ALTER COLUMN "cost" SET DATA TYPE numeric(18, 4);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "credit_limit" numeric(18, 4);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "credit_limit_currency" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "revenue_currency" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "margin_currency" text;--> statement-breakpoint
ALTER TABLE "customers" DISABLE TRIGGER "customers_audit";--> statement-breakpoint
-- The credit limit leaves the billing JSON, where it was a float, for its own columns (read through its decimal text).
UPDATE "customers"
   SET "credit_limit" = CASE WHEN jsonb_typeof("billing" -> 'creditLimit' -> 'amount') IN ('number', 'string')
                             THEN round(("billing" -> 'creditLimit' ->> 'amount')::numeric, 4) END,
       "credit_limit_currency" = CASE WHEN jsonb_typeof("billing" -> 'creditLimit' -> 'amount') IN ('number', 'string')
                                      THEN upper("billing" -> 'creditLimit' ->> 'currency') END,
       "billing" = "billing" - 'creditLimit'
 WHERE "billing" ? 'creditLimit';--> statement-breakpoint
UPDATE "customers" SET "revenue_currency" = NULL WHERE "annual_revenue" IS NULL AND "revenue_currency" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ENABLE TRIGGER "customers_audit";--> statement-breakpoint
ALTER TABLE "opportunities" DISABLE TRIGGER "opportunities_audit";--> statement-breakpoint
-- Revenue and margin shared one currency column; each amount now has its own.
UPDATE "opportunities"
   SET "revenue_currency" = CASE WHEN "expected_revenue" IS NOT NULL THEN "currency" END,
       "margin_currency" = CASE WHEN "expected_margin" IS NOT NULL THEN "currency" END
 WHERE "currency" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunities" ENABLE TRIGGER "opportunities_audit";--> statement-breakpoint
ALTER TABLE "opportunities" DROP COLUMN "currency";--> statement-breakpoint
-- Roles: whoever held financials.read holds revenue, costMargin and billingCredit at the same scope.
UPDATE "roles"
   SET "permissions" = ("permissions" - 'financials')
                       || jsonb_build_object('revenue', "permissions" -> 'financials',
                                             'costMargin', "permissions" -> 'financials',
                                             'billingCredit', "permissions" -> 'financials')
 WHERE "permissions" ? 'financials';--> statement-breakpoint
-- Built-in roles: the three rights count as applied (an administrator's choice about financials stands), except
-- for the sales rep and operations roles that held no financials: the start-up sync gives them their new defaults
-- (a sales rep reads the revenue of their own deals and shipments, operations the revenue and cost of the jobs).
UPDATE "roles"
   SET "builtin_resources" = array_remove("builtin_resources", 'financials')
                             || CASE WHEN "key" IN ('sales_rep', 'operations') AND NOT ("permissions" ? 'revenue')
                                     THEN ARRAY[]::text[]
                                     ELSE ARRAY['revenue', 'costMargin', 'billingCredit']::text[] END
 WHERE "builtin";
