import type { Notification, Page } from '@berth/domain';
import { type notificationListQuerySchema, notificationText } from '@berth/domain';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { userTimeZone } from '../org-settings';
import { notifications } from './tables';

type NotificationRow = typeof notifications.$inferSelect;

/** Notifications belong to one user: every query is for the signed-in user's own, whatever their role. */
function mine(ctx: Ctx): SQL {
  if (!ctx.userId) throw AppError.forbidden();
  return and(eq(notifications.orgId, ctx.orgId), eq(notifications.userId, ctx.userId)) as SQL;
}

/** In the request's language and the signed-in user's time zone. */
function toNotification(ctx: Ctx, row: NotificationRow, timeZone: string): Notification {
  const text = notificationText(row.kind, row.params, ctx.locale, timeZone);
  return {
    id: row.id,
    kind: row.kind,
    title: text.title,
    body: text.body,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    readAt: iso(row.readAt),
    createdAt: iso(row.createdAt) as string,
  };
}

/** The caller's notifications, newest first, in the request's language; `unread` leaves out the read ones. */
export async function findNotifications(
  ctx: Ctx,
  query: z.infer<typeof notificationListQuerySchema>,
): Promise<Page<Notification>> {
  const keyset = { sort: notifications.id, id: notifications.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(mine(ctx), query.unread ? isNull(notifications.readAt) : undefined, afterCursor(keyset)))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const timeZone = await userTimeZone(ctx, ctx.userId);
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => toNotification(ctx, r, timeZone),
  );
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(ctx), isNull(notifications.readAt)));
  return Number(row?.count ?? 0);
}

/** Marks one of the caller's notifications read (again is harmless); someone else's answers 404. */
export async function markRead(ctx: Ctx, id: string): Promise<Notification> {
  const where = and(mine(ctx), eq(notifications.id, id));
  const [updated] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(where)
    .returning();
  if (!updated) throw AppError.notFound();
  return toNotification(ctx, updated, await userTimeZone(ctx, ctx.userId));
}

export async function markAllRead(ctx: Ctx): Promise<number> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(ctx), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
