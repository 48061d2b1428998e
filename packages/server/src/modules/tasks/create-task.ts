import type { CreateTaskInput, Task } from '@berth/domain';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import type { ScopeBypass } from '../../platform/data-scope';
import { getTask } from './find-tasks';
import { tasks } from './tables';
import { activeUser, assertAssignable } from './task-assignee';
import { type RelatedRecord, resolveRelated } from './task-related';

/**
 * `bypassScope` is for modules that already decided the task may be made (e.g. preparation tasks for
 * the participants of a sales event): the caller's tasks scope and its view of the linked record are
 * not checked, and the answer is read past the caller's scope. The assignee must still be an active
 * user of the organisation.
 */
export type CreateTaskOptions = ScopeBypass;

/**
 * Makes a task: for the caller unless another assignee is given (within their tasks scope), linked
 * to a record they can see. The assignee's team is kept on the task for team-scoped reading.
 */
export async function createTask(ctx: Ctx, input: CreateTaskInput, options: CreateTaskOptions = {}): Promise<Task> {
  return inTransaction(ctx, async (tx) => {
    const assigneeId = input.assigneeId ?? tx.userId;
    if (!assigneeId) throw AppError.validation('assigneeId', 'task.assignee_not_allowed');
    const assignee = options.bypassScope
      ? await activeUser(tx, assigneeId)
      : await assertAssignable(tx, 'create', assigneeId);
    if (!assignee) throw AppError.validation('assigneeId', 'task.assignee_not_allowed');
    let related: RelatedRecord | null = null;
    if (input.related) {
      related = options.bypassScope
        ? { ...input.related, customerId: input.related.type === 'customer' ? input.related.id : null }
        : await resolveRelated(tx, input.related);
    }
    const [row] = await tx.db
      .insert(tasks)
      .values({
        orgId: tx.orgId,
        title: input.title,
        description: input.description || null,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        assigneeId: assignee.id,
        teamId: assignee.teamId,
        priority: input.priority ?? 'normal',
        relatedType: related?.type ?? null,
        relatedId: related?.id ?? null,
        customerId: related?.customerId ?? null,
        source: 'manual',
        createdBy: tx.userId,
      })
      .returning({ id: tasks.id });
    return getTask(tx, (row as { id: string }).id, { bypassScope: options.bypassScope });
  });
}
