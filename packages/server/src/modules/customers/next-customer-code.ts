import type { Ctx } from '../../platform/context';
import { nextCodes } from '../../platform/next-code';

/** The next customer code of the organisation (C000001, C000002, …), safe under concurrent creates. */
export async function nextCustomerCode(ctx: Ctx): Promise<string> {
  const [code] = await nextCustomerCodes(ctx, 1);
  return code as string;
}

/** The next `count` customer codes, in one block: how an import batch numbers its new customers. */
export function nextCustomerCodes(ctx: Ctx, count: number): Promise<string[]> {
  return nextCodes(ctx, 'customer_code', 'C', count);
}
