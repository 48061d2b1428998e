import type { Ctx } from '../../platform/context';

/**
 * The currency the organisation reports in, for reports that are not asked for another. Organisations do not
 * record one yet: every organisation reports in CNY until the organisation settings carry it, and then this is the
 * one function to change.
 */
export async function reportingCurrency(_ctx: Ctx): Promise<string> {
  return 'CNY';
}
