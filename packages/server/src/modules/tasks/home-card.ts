import { homeCardRowLimit, type TaskHomeCard, taskHomeCardEndpoints, zonedDate, zonedDayStart } from '@berth/domain';
import { and, count, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { defineHomeCard } from '../../platform/module';
import { userTimeZone } from '../org-settings';
import { selectTasks, toTasks } from './find-tasks';
import { tasks } from './tables';
import { tasksInScope } from './task-scope';

/**
 * The caller's open tasks overdue (due before today) and due today, days counted in the caller's time zone (their
 * own, else the organisation's): the counts in one statement, then the first rows of each group by due time.
 */
export async function taskHomeCard(ctx: Ctx): Promise<TaskHomeCard> {
  const now = ctx.clock.now();
  const timeZone = await userTimeZone(ctx, ctx.userId);
  const today = zonedDayStart(timeZone, now);
  const tomorrow = zonedDayStart(timeZone, now, 1);
  const mine = and(
    tasksInScope(ctx, 'read'),
    ctx.userId ? eq(tasks.assigneeId, ctx.userId) : sql`false`,
    eq(tasks.status, 'open'),
  ) as SQL;
  const overdue = lt(tasks.dueAt, today);
  const dueToday = and(gte(tasks.dueAt, today), lt(tasks.dueAt, tomorrow)) as SQL;
  const [counts] = await ctx.db
    .select({
      overdue: sql<number>`(${count()} filter (where ${overdue}))::int`,
      today: sql<number>`(${count()} filter (where ${dueToday}))::int`,
    })
    .from(tasks)
    .where(and(mine, lt(tasks.dueAt, tomorrow)));
  const group = async (where: SQL) =>
    toTasks(
      ctx,
      await selectTasks(ctx, and(mine, where))
        .orderBy(sql`${tasks.dueAt} asc`, sql`${tasks.id} asc`)
        .limit(homeCardRowLimit),
    );
  return {
    timeZone,
    date: zonedDate(timeZone, now),
    overdue: { count: Number(counts?.overdue ?? 0), items: await group(overdue) },
    today: { count: Number(counts?.today ?? 0), items: await group(dueToday) },
  };
}

export const taskHomeCards = [
  defineHomeCard({
    endpoint: taskHomeCardEndpoints.tasks,
    access: { permission: ['tasks', 'read'] },
    load: taskHomeCard,
  }),
];
