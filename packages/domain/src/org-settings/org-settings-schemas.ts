import { z } from 'zod';
import { isTimeZone } from '../platform/time';
import { isCurrencyCode } from '../reference/currencies';

/** What a new organisation starts with: China's currency, time zone, calendar year and Monday–Friday week. */
export const defaultOrgSettings = {
  reportingCurrency: 'CNY',
  timeZone: 'Asia/Shanghai',
  fiscalYearStartMonth: 1,
  workingCalendar: { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] as string[], workingDays: [] as string[] },
  shipmentDelayHours: 24,
};

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'org_settings.time_zone_invalid' })
  .describe('IANA time zone, e.g. Asia/Shanghai');

const dateList = z
  .array(z.iso.date())
  .max(400)
  .transform((dates) => [...new Set(dates)].sort());

export const workingCalendarSchema = z
  .object({
    workingWeekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, { message: 'org_settings.weekdays_invalid' })
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: 'org_settings.weekdays_invalid' })
      .transform((days) => [...days].sort())
      .describe('ISO weekdays worked: 1 = Monday … 7 = Sunday'),
    holidays: dateList.describe('Days off on a working weekday (public holidays), YYYY-MM-DD'),
    workingDays: dateList.describe('Days worked on a weekend (make-up working days, 调休), YYYY-MM-DD'),
  })
  .refine((c) => !c.holidays.some((d) => c.workingDays.includes(d)), {
    message: 'org_settings.date_in_both_lists',
    path: ['workingDays'],
  });

export const orgSettingsSchema = z.object({
  reportingCurrency: z.string().describe('ISO 4217 code reports convert into'),
  timeZone: z.string().describe('IANA time zone of the organisation (users may choose their own)'),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  workingCalendar: z.object({
    workingWeekdays: z.array(z.number().int()),
    holidays: z.array(z.string()),
    workingDays: z.array(z.string()),
  }),
  shipmentDelayHours: z.number().int().describe('An ETA slipping by at least this many hours notifies the owner'),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const updateOrgSettingsInputSchema = z
  .object({
    reportingCurrency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, { message: 'org_settings.currency_invalid' }),
    timeZone: timeZoneSchema,
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    workingCalendar: workingCalendarSchema,
    shipmentDelayHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
  })
  .partial();
export type UpdateOrgSettingsInput = z.infer<typeof updateOrgSettingsInputSchema>;
