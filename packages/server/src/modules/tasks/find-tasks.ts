import { type Page, readerTitle, type Task, type TaskListQuery } from '@berth/domain';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import type { ScopeBypass } from '../../platform/data-scope';
import { afterCursor, type KeysetOptions, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { tasks } from './tables';
import { relatedNames } from './task-related';
import { mayChangeTask, tasksInScope } from './task-scope';

type TaskRow = typeof tasks.$inferSelect;
type Listed = { task: TaskRow; assigneeName: string | null; canUpdate: boolean; canDelete: boolean };

/** Reads tasks in the caller's read scope; `bypassScope` is for modules that made the task on someone's behalf. */
export function selectTasks(ctx: Ctx, where: SQL | undefined, options: ScopeBypass = {}) {
  const scoped = !options.bypassScope;
  return ctx.db
    .select({
      task: tasks,
      assigneeName: users.name,
      canUpdate: scoped ? mayChangeTask(ctx, 'update') : sql<boolean>`false`,
      canDelete: scoped ? mayChangeTask(ctx, 'delete') : sql<boolean>`false`,
    })
    .from(tasks)
    .leftJoin(users, and(eq(users.orgId, tasks.orgId), eq(users.id, tasks.assigneeId)))
    .where(and(scoped ? tasksInScope(ctx, 'read') : eq(tasks.orgId, ctx.orgId), where));
}

export async function toTasks(ctx: Ctx, rows: Listed[]): Promise<Task[]> {
  const names = await relatedNames(
    ctx,
    rows.map((r) => ({ type: r.task.relatedType, id: r.task.relatedId })),
  );
  return rows.map(({ task: t, ...r }) => ({
    id: t.id,
    title: readerTitle(t.title, t.titleParts, ctx.locale),
    description: t.description,
    dueAt: iso(t.dueAt),
    assigneeId: t.assigneeId,
    assigneeName: r.assigneeName,
    priority: t.priority as Task['priority'],
    status: t.status as Task['status'],
    related:
      t.relatedType && t.relatedId
        ? {
            type: t.relatedType as NonNullable<Task['related']>['type'],
            id: t.relatedId,
            name: names.get(`${t.relatedType}:${t.relatedId}`) ?? null,
          }
        : null,
    customerId: t.customerId,
    source: t.source as Task['source'],
    ruleId: t.ruleId,
    completedAt: iso(t.completedAt),
    createdBy: t.createdBy,
    canUpdate: Boolean(r.canUpdate),
    canDelete: Boolean(r.canDelete),
    version: t.version,
    createdAt: iso(t.createdAt) as string,
    updatedAt: iso(t.updatedAt) as string,
  }));
}

export async function getTask(ctx: Ctx, id: string, options: ScopeBypass = {}): Promise<Task> {
  const rows = await selectTasks(ctx, eq(tasks.id, id), options);
  const [task] = await toTasks(ctx, rows);
  if (!task) throw AppError.notFound();
  return task;
}

/** Soonest due first; tasks without a due time sort after every dated one. */
const byDue = {
  expression: sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`,
  column: tasks.dueAt,
  extraValues: ['infinity'],
};

function assigneeFilter(ctx: Ctx, assignee: TaskListQuery['assignee']): SQL | undefined {
  if (assignee === 'any') return undefined;
  const userId = assignee === 'me' ? ctx.userId : assignee;
  return userId ? eq(tasks.assigneeId, userId) : sql`false`;
}

/** Tasks the caller may see, soonest due first, with the list's filters (by default the caller's own). */
export async function findTasks(ctx: Ctx, query: TaskListQuery): Promise<Page<Task>> {
  const keyset: KeysetOptions = { sort: byDue, id: tasks.id, direction: 'asc', cursor: query.cursor };
  const rows = await selectTasks(
    ctx,
    and(
      assigneeFilter(ctx, query.assignee),
      query.status ? eq(tasks.status, query.status) : undefined,
      query.dueFrom ? gte(tasks.dueAt, new Date(query.dueFrom)) : undefined,
      query.dueTo ? lt(tasks.dueAt, new Date(query.dueTo)) : undefined,
      query.relatedType ? eq(tasks.relatedType, query.relatedType) : undefined,
      query.relatedId ? eq(tasks.relatedId, query.relatedId) : undefined,
      query.customerId ? eq(tasks.customerId, query.customerId) : undefined,
      afterCursor(keyset),
    ),
  )
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.task.dueAt ?? 'infinity', r.task.id],
    (r) => r,
  );
  return { items: await toTasks(ctx, page.items), nextCursor: page.nextCursor };
}
