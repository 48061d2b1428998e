import type { HandoverPreview } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customerRef } from '../customers';
import { handoverCandidates } from './assign-customer';

/**
 * How many customers a handover from this user would move now: asked before deactivating a rep,
 * so the administrator learns the rep still owns customers and can hand them over.
 */
export async function previewHandover(ctx: Ctx, fromUserId: string): Promise<HandoverPreview> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(customerRef)
    .where(handoverCandidates(ctx, fromUserId));
  return { count: Number(row?.count ?? 0) };
}
