import { businessTimeZone } from '@berth/domain';
import type { Ctx } from './context';

/**
 * What an organisation's settings will say, until they exist: its reporting currency (roll-ups and reports
 * convert into it) and its time zone (a date without a time in an import is that day's midnight there).
 * The one place to re-wire once organisation settings hold them.
 */
export async function reportingCurrencyOf(_ctx: Ctx): Promise<string> {
  return 'CNY';
}

export function organisationTimeZoneOf(_ctx: Ctx): string {
  return businessTimeZone;
}
