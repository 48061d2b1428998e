import { type Task, titleEditPatch, type UpdateTaskInput } from '@berth/domain';
import { and, eq, type SQL } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../../platform/context';
import { deleteVersioned, refusedAsForbidden, updateVersioned } from '../../platform/versioned-write';
import { getTask } from './find-tasks';
import { tasks } from './tables';
import { assertAssignable } from './task-assignee';
import { resolveRelated } from './task-related';
import { taskById } from './task-scope';

/**
 * Edits a task (If-Match): `status: done` completes it, `open` reopens it. A new due time means a
 * new reminder; reassigning stays within the caller's tasks scope.
 */
export async function updateTask(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateTaskInput,
): Promise<Task> {
  return inTransaction(ctx, async (tx) => {
    const current = await getTask(tx, id);
    const patch: Record<string, unknown> = {};
    if (input.assigneeId !== undefined && input.assigneeId !== current.assigneeId) {
      const assignee = await assertAssignable(tx, 'update', input.assigneeId);
      patch.assigneeId = assignee.id;
      patch.teamId = assignee.teamId;
      patch.remindedAt = null;
    }
    if (input.related !== undefined) {
      const related = input.related ? await resolveRelated(tx, input.related) : null;
      patch.relatedType = related?.type ?? null;
      patch.relatedId = related?.id ?? null;
      patch.customerId = related?.customerId ?? null;
    }
    if (input.title !== undefined) {
      // The stored title and its parts: the record above shows the title in the caller's language.
      const [stored] = await tx.db
        .select({ title: tasks.title, titleParts: tasks.titleParts })
        .from(tasks)
        .where(and(eq(tasks.orgId, tx.orgId), eq(tasks.id, id)));
      Object.assign(patch, titleEditPatch(input.title, stored ?? { title: '', titleParts: null }, tx.locale));
    }
    if (input.description !== undefined) patch.description = input.description || null;
    if (input.priority !== undefined) patch.priority = input.priority;
    if (input.dueAt !== undefined) {
      patch.dueAt = input.dueAt ? new Date(input.dueAt) : null;
      patch.remindedAt = null;
    }
    if (input.status !== undefined && input.status !== current.status) {
      patch.status = input.status;
      patch.completedAt = input.status === 'done' ? tx.clock.now() : null;
    }
    await updateVersioned(tx, tasks, taskById(tx, 'update', id), expected, patch).catch(refusedAsForbidden);
    return getTask(tx, id);
  });
}

/** Deletes a task (If-Match optional); the audit log keeps what it was. */
export async function deleteTask(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await getTask(tx, id);
    await deleteVersioned(tx, tasks, and(taskById(tx, 'delete', id)) as SQL, expected).catch(refusedAsForbidden);
  });
}
