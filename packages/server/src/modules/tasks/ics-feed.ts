import type { ActivityKind, Locale, SalesEventKind } from '@berth/domain';
import { addMinutes, addWholeDays, type Clock, scopeOf } from '@berth/domain';
import { and, eq, isNull } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Db } from '../../db/database';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { parseFeedToken } from '../../platform/auth/credentials';
import { loadUserAccess } from '../../platform/auth/load-principal';
import { safeEqual, sha256 } from '../../platform/auth/secrets';
import { activityDefaultMinutes, agendaActivityTitle, agendaOf } from './agenda';
import { calendarFeeds } from './tables';

/** What a subscribed calendar gets: the last 90 days and the next 400. */
const pastDays = 90;
const futureDays = 400;
const taskMinutes = 30;

const kindLabels: Record<Locale, Record<ActivityKind, string>> = {
  'zh-CN': { call: '电话', email: '邮件', meeting: '会议', visit: '拜访', wechat: '微信', wecom: '企业微信' },
  en: { call: 'Call', email: 'Email', meeting: 'Meeting', visit: 'Visit', wechat: 'WeChat', wecom: 'WeCom' },
};
const eventKindLabels: Record<Locale, Record<SalesEventKind, string>> = {
  'zh-CN': { visit: '客户拜访', trade_show: '展会', presentation: '产品推介会' },
  en: { visit: 'Customer visit', trade_show: 'Trade show', presentation: 'Product presentation' },
};
const taskLabel: Record<Locale, string> = { 'zh-CN': '任务', en: 'Task' };

/**
 * The iCalendar document of a private feed, or 404 for an unknown or revoked token (or a disabled
 * user). Open tasks are events at their due time, activities events for their duration; UIDs are
 * the record ids, so calendar clients update items in place.
 */
export async function renderCalendarFeed(db: Db, token: string, clock: Clock): Promise<string> {
  const now = clock.now();
  // A token names its organisation and feed and is found by primary key; an address made before that is a bare
  // secret, found by its hash alone.
  const parsed = parseFeedToken(token);
  const [feed] = await db
    .select({
      orgId: calendarFeeds.orgId,
      userId: calendarFeeds.userId,
      tokenHash: calendarFeeds.tokenHash,
      name: users.name,
      locale: users.locale,
    })
    .from(calendarFeeds)
    .innerJoin(users, and(eq(users.orgId, calendarFeeds.orgId), eq(users.id, calendarFeeds.userId)))
    .where(
      and(
        parsed
          ? and(eq(calendarFeeds.orgId, parsed.orgId), eq(calendarFeeds.id, parsed.id))
          : eq(calendarFeeds.tokenHash, sha256(token)),
        isNull(calendarFeeds.revokedAt),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  if (!feed || !safeEqual(feed.tokenHash, sha256(parsed ? parsed.secret : token))) throw AppError.notFound();
  // The feed shows what its user may read today: a role that lost tasks or activities loses them here too.
  const access = await loadUserAccess(db, feed.orgId, feed.userId);
  if (!access) throw AppError.notFound();
  const reads = (resource: 'tasks' | 'activities' | 'salesEvents') =>
    scopeOf(access.permissions, resource, 'read') !== null;
  const locale: Locale = feed.locale === 'en' ? 'en' : 'zh-CN';
  // The feed is read by a calendar app, not a browser: it speaks its owner's language.
  const agenda = await agendaOf(
    db,
    feed.orgId,
    feed.userId,
    { from: addWholeDays(now, -pastDays), to: addWholeDays(now, futureDays), openOnly: true },
    locale,
  );
  const calendar = ical({
    name: `Berth · ${feed.name}`,
    prodId: { company: 'Berth', product: 'CRM', language: locale === 'en' ? 'EN' : 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const task of reads('tasks') ? agenda.tasks : []) {
    calendar.createEvent({
      id: `task-${task.id}@berth`,
      start: task.dueAt,
      end: addMinutes(task.dueAt, taskMinutes),
      stamp: task.updatedAt,
      summary: `${taskLabel[locale]}: ${task.title}`,
      description: [task.relatedName, task.description].filter(Boolean).join('\n') || null,
    });
  }
  for (const activity of reads('activities') ? agenda.activities : []) {
    calendar.createEvent({
      id: `activity-${activity.id}@berth`,
      start: activity.occurredAt,
      end: addMinutes(activity.occurredAt, activity.durationMinutes ?? activityDefaultMinutes),
      stamp: activity.updatedAt,
      summary: activity.subject
        ? `${kindLabels[locale][activity.kind] ?? activity.kind}: ${activity.subject} · ${activity.customerName}`
        : agendaActivityTitle(activity, locale),
      description: activity.minutes,
    });
  }
  for (const event of reads('salesEvents') ? agenda.salesEvents : []) {
    calendar.createEvent({
      id: `sales-event-${event.id}@berth`,
      start: event.startsAt,
      end: event.endsAt,
      stamp: event.updatedAt,
      summary: `${eventKindLabels[locale][event.kind] ?? event.kind}: ${event.name}`,
      location: event.place,
      description: event.description,
    });
  }
  return calendar.toString();
}
