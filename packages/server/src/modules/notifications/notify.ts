import { notificationText } from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { queueEmail } from '../../platform/outbox/outbox';
import { timeZonesOfUsers } from '../org-settings';
import { notifications } from './tables';

export interface NewNotification {
  userId: string;
  kind: string;
  /** What the text is made of; `titleParts` gives the parts of system-made titles among them (notificationText). */
  params: Record<string, unknown>;
  subject?: { type: string; id: string };
}

/** `params` with the parts of those of its titles the product made (see notificationText); as is when none. */
export function withTitleParts(
  params: Record<string, unknown>,
  parts: Record<string, unknown>,
): Record<string, unknown> {
  const made = Object.entries(parts).filter(([, p]) => p !== null && p !== undefined);
  return made.length > 0 ? { ...params, titleParts: Object.fromEntries(made) } : params;
}

/**
 * Notifies users in the caller's transaction: one in-app row each and, with `email`, a mail in
 * the recipient's own language and time zone through the outbox. Inactive users get nothing.
 */
export async function notify(ctx: Ctx, items: NewNotification[], options: { email?: boolean } = {}): Promise<void> {
  if (items.length === 0) return;
  const userIds = [...new Set(items.map((i) => i.userId))];
  const recipients = await ctx.db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, userIds), eq(users.status, 'active')));
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const deliverable = items.filter((i) => byId.has(i.userId));
  if (deliverable.length === 0) return;
  await ctx.db.insert(notifications).values(
    deliverable.map((i) => ({
      orgId: ctx.orgId,
      userId: i.userId,
      kind: i.kind,
      params: i.params,
      subjectType: i.subject?.type ?? null,
      subjectId: i.subject?.id ?? null,
    })),
  );
  if (!options.email) return;
  const zones = await timeZonesOfUsers(ctx, [...byId.keys()]);
  for (const item of deliverable) {
    const user = byId.get(item.userId);
    if (!user) continue;
    const locale = user.locale === 'en' ? 'en' : 'zh-CN';
    const text = notificationText(item.kind, item.params, locale, zones.get(user.id) as string);
    await queueEmail(ctx, { to: user.email, subject: text.title, body: text.body || text.title });
  }
}
