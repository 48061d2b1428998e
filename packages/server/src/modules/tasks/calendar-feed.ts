import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { formatFeedToken } from '../../platform/auth/credentials';
import { randomToken, sha256 } from '../../platform/auth/secrets';
import { type Ctx, inTransaction } from '../../platform/context';
import { iso } from '../../platform/versioned-write';
import { calendarFeeds } from './tables';

function ownFeeds(ctx: Ctx, userId: string) {
  return and(eq(calendarFeeds.orgId, ctx.orgId), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt));
}

function userOf(ctx: Ctx): string {
  if (!ctx.userId) throw AppError.forbidden();
  return ctx.userId;
}

/** Whether the caller has a feed, and since when (the address itself cannot be shown again). */
export async function getCalendarFeed(ctx: Ctx): Promise<{ active: boolean; createdAt: string | null }> {
  const [row] = await ctx.db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(ownFeeds(ctx, userOf(ctx)));
  return { active: row !== undefined, createdAt: iso(row?.createdAt) };
}

/**
 * A new private feed address for the caller; any earlier one stops working. Only the token's hash
 * is stored, so the address is shown this once.
 */
export async function createCalendarFeed(ctx: Ctx, baseUrl: string): Promise<{ url: string; createdAt: string }> {
  const userId = userOf(ctx);
  const secret = randomToken(32);
  return inTransaction(ctx, async (tx) => {
    await tx.db.update(calendarFeeds).set({ revokedAt: new Date() }).where(ownFeeds(tx, userId));
    const [row] = await tx.db
      .insert(calendarFeeds)
      .values({ orgId: tx.orgId, userId, tokenHash: sha256(secret) })
      .returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
    const token = formatFeedToken(tx.orgId, (row as { id: string }).id, secret);
    return { url: `${baseUrl}/api/calendar/${token}.ics`, createdAt: iso(row?.createdAt) as string };
  });
}

/** Stops the caller's feed; subscribed calendars get 404 from then on. */
export async function revokeCalendarFeed(ctx: Ctx): Promise<void> {
  const userId = userOf(ctx);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(calendarFeeds).set({ revokedAt: new Date() }).where(ownFeeds(tx, userId));
  });
}
