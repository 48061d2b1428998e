import type { Ctx } from '../../platform/context';
import { nextCode } from '../../platform/next-code';

/** The next customer code of the organisation (C000001, C000002, …), safe under concurrent creates. */
export function nextCustomerCode(ctx: Ctx): Promise<string> {
  return nextCode(ctx, 'customer_code', 'C');
}
