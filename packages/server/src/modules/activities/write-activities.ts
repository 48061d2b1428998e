import type { Activity, ActivityNextTaskInput, CreateActivityInput, UpdateActivityInput } from '@berth/domain';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction } from '../../platform/context';
import { emit } from '../../platform/events';
import { refusedAsForbidden, softDeleteVersioned, updateVersioned } from '../../platform/versioned-write';
import { customerFor } from '../customers';
import { assertOpportunityVisible } from '../opportunities';
import { createTask } from '../tasks';
import { checkParticipants, saveParticipants } from './activity-participants';
import { activityChangeable } from './activity-scope';
import { getActivity } from './find-activities';
import { activities } from './tables';

/** The opportunity must be one the caller can see (404 otherwise) and of the same customer (422). */
async function checkOpportunity(ctx: Ctx, customerId: string, opportunityId: string): Promise<void> {
  if (!can(ctx, 'opportunities', 'read')) throw AppError.notFound();
  const opportunity = await assertOpportunityVisible(ctx, opportunityId, 'read');
  if (opportunity.customerId !== customerId) {
    throw AppError.validation('opportunityId', 'activity.opportunity_other_customer');
  }
}

/**
 * Tells the other modules a contact happened (the pool's follow-up clock, the opportunity's last
 * activity), at the time it happened: a planned meeting counts from now, not from the future.
 */
async function announceContact(
  ctx: Ctx,
  activityId: string,
  customerId: string,
  opportunityId: string | null,
  occurredAt: Date,
) {
  const at = new Date(Math.min(occurredAt.getTime(), ctx.clock.now().getTime())).toISOString();
  await emit(ctx, 'activity.logged', { activityId, customerId, opportunityId, at });
}

async function teamOf(ctx: Ctx): Promise<string | null> {
  if (!ctx.userId) return null;
  const [row] = await ctx.db
    .select({ teamId: users.teamId })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, ctx.userId)));
  return row?.teamId ?? null;
}

/** Logs an activity on a customer the caller may log activities on (404 otherwise). */
export async function createActivity(ctx: Ctx, input: CreateActivityInput): Promise<Activity> {
  return inTransaction(ctx, async (tx) => {
    await customerFor(tx, 'activities', 'create', input.customerId);
    if (input.opportunityId) await checkOpportunity(tx, input.customerId, input.opportunityId);
    const participants = await checkParticipants(
      tx,
      input.customerId,
      input.participants ?? { userIds: [], contactIds: [] },
    );
    const occurredAt = new Date(input.occurredAt);
    const [row] = await tx.db
      .insert(activities)
      .values({
        orgId: tx.orgId,
        kind: input.kind,
        subject: input.subject || null,
        occurredAt,
        durationMinutes: input.durationMinutes ?? null,
        customerId: input.customerId,
        opportunityId: input.opportunityId ?? null,
        minutes: input.minutes || null,
        outcome: input.outcome || null,
        ownerId: tx.userId,
        teamId: await teamOf(tx),
      })
      .returning({ id: activities.id });
    const id = (row as { id: string }).id;
    await saveParticipants(tx, id, participants);
    await announceContact(tx, id, input.customerId, input.opportunityId ?? null, occurredAt);
    const nextTaskId = input.nextTask
      ? await createNextTask(tx, input.nextTask, input.customerId, input.opportunityId ?? null)
      : undefined;
    const activity = await getActivity(tx, id);
    return nextTaskId ? { ...activity, nextTaskId } : activity;
  });
}

/**
 * The next step agreed in an activity, as a task linked to its opportunity (or customer), in the
 * activity's transaction: a task that cannot be made fails the whole write, its field errors under
 * `nextTask.`.
 */
async function createNextTask(
  ctx: Ctx,
  input: ActivityNextTaskInput,
  customerId: string,
  opportunityId: string | null,
): Promise<string> {
  if (!can(ctx, 'tasks', 'create')) {
    throw AppError.validation('nextTask', 'activity.next_task_not_allowed');
  }
  try {
    const task = await createTask(ctx, {
      title: input.title,
      dueAt: input.dueAt,
      assigneeId: input.assigneeId,
      related: opportunityId ? { type: 'opportunity', id: opportunityId } : { type: 'customer', id: customerId },
    });
    return task.id;
  } catch (error) {
    if (error instanceof AppError && error.fields.length > 0) {
      throw new AppError(error.code, error.status, {
        headers: error.headers,
        detail: error.detailOverride,
        cause: error,
        fields: error.fields.map((f) => ({ ...f, field: `nextTask.${f.field}` })),
      });
    }
    throw error;
  }
}

function changeableWhere(ctx: Ctx, id: string, action: 'update' | 'delete'): SQL {
  return and(
    eq(activities.orgId, ctx.orgId),
    eq(activities.id, id),
    isNull(activities.deletedAt),
    activityChangeable(ctx, action),
  ) as SQL;
}

/** Corrects an activity (If-Match). Participants, when given, replace the old ones. */
export async function updateActivity(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateActivityInput,
): Promise<Activity> {
  return inTransaction(ctx, async (tx) => {
    const current = await getActivity(tx, id);
    if (input.opportunityId) await checkOpportunity(tx, current.customerId, input.opportunityId);
    const participants = input.participants
      ? await checkParticipants(tx, current.customerId, input.participants)
      : undefined;
    const patch: Record<string, unknown> = {};
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.subject !== undefined) patch.subject = input.subject || null;
    if (input.occurredAt !== undefined) patch.occurredAt = new Date(input.occurredAt);
    if (input.durationMinutes !== undefined) patch.durationMinutes = input.durationMinutes;
    if (input.opportunityId !== undefined) patch.opportunityId = input.opportunityId;
    if (input.minutes !== undefined) patch.minutes = input.minutes || null;
    if (input.outcome !== undefined) patch.outcome = input.outcome || null;
    const updated = await updateVersioned(tx, activities, changeableWhere(tx, id, 'update'), expected, patch).catch(
      refusedAsForbidden,
    );
    if (participants) await saveParticipants(tx, id, participants);
    if (input.occurredAt !== undefined || input.opportunityId) {
      await announceContact(tx, id, updated.customerId, updated.opportunityId, updated.occurredAt);
    }
    return getActivity(tx, id);
  });
}

/** Deletes an activity (If-Match optional). The row stays, marked deleted, so its history remains on the timeline. */
export async function deleteActivity(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await getActivity(tx, id);
    await softDeleteVersioned(tx, activities, changeableWhere(tx, id, 'delete'), expected).catch(refusedAsForbidden);
  });
}
