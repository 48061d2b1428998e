import type { WorkingCalendar } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { orgId, versioned } from '../../db/columns';

/**
 * One row per organisation, made on its first change (until then the defaults apply, at version 1).
 * The defaults here and `defaultOrgSettings` in the domain are the same values.
 */
export const orgSettings = pgTable(
  'org_settings',
  {
    orgId: orgId(),
    reportingCurrency: text('reporting_currency').notNull().default('CNY'),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
    workingCalendar: jsonb('working_calendar')
      .$type<WorkingCalendar>()
      .notNull()
      .default(sql`'{"workingWeekdays":[1,2,3,4,5],"holidays":[],"workingDays":[]}'::jsonb`),
    shipmentDelayHours: integer('shipment_delay_hours').notNull().default(24),
    ...versioned(),
  },
  (t) => [primaryKey({ columns: [t.orgId] })],
);
