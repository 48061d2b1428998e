import { businessTimeZone } from '@berth/domain';
import type { Ctx } from './context';

/**
 * The time zone a shipment import reads a date without a time in (that day's midnight there). The organisation's
 * own zone is in its settings (`orgSettings(ctx)` in modules/org-settings/public.ts), but an importer reads rows
 * synchronously: until the import job hands the importer the organisation's settings, imports use the default.
 */
export function organisationTimeZoneOf(_ctx: Ctx): string {
  return businessTimeZone;
}
