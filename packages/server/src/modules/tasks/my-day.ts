import { isTimeZone, type MyDay, myDayGroupLimit, zonedDate, zonedDayStart } from '@berth/domain';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { selectTasks, toTasks } from './find-tasks';
import { tasks } from './tables';

/**
 * The caller's open tasks around today in their time zone: overdue (due before today), due today,
 * and upcoming (the next `days` days). Days start at local midnight, so the same task can be
 * "today" in Shanghai and "tomorrow" in UTC.
 */
export async function myDay(ctx: Ctx, query: { tz?: string; days: number }): Promise<MyDay> {
  const now = ctx.clock.now();
  const timeZone = query.tz ?? 'UTC';
  if (!isTimeZone(timeZone)) throw AppError.validation('tz', 'task.time_zone_invalid');
  const today = zonedDayStart(timeZone, now);
  const tomorrow = zonedDayStart(timeZone, now, 1);
  const horizon = zonedDayStart(timeZone, now, 1 + query.days);
  const mine = and(ctx.userId ? eq(tasks.assigneeId, ctx.userId) : sql`false`, eq(tasks.status, 'open')) as SQL;
  const group = async (where: SQL) =>
    toTasks(
      ctx,
      await selectTasks(ctx, and(mine, where))
        .orderBy(sql`${tasks.dueAt} asc`, sql`${tasks.id} asc`)
        .limit(myDayGroupLimit),
    );
  return {
    timeZone,
    date: zonedDate(timeZone, now),
    overdue: await group(lt(tasks.dueAt, today)),
    today: await group(and(gte(tasks.dueAt, today), lt(tasks.dueAt, tomorrow)) as SQL),
    upcoming: await group(and(gte(tasks.dueAt, tomorrow), lt(tasks.dueAt, horizon)) as SQL),
  };
}
