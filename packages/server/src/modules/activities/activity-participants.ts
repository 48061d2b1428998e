import type { NamedRef } from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { contactRef } from '../customers';
import { activityParticipants } from './tables';

export interface ParticipantsInput {
  userIds: string[];
  contactIds: string[];
}

/** The participants as given, once each; 422 naming the first colleague who is not active or contact not of the customer. */
export async function checkParticipants(
  ctx: Ctx,
  customerId: string,
  input: ParticipantsInput,
): Promise<ParticipantsInput> {
  const userIds = [...new Set(input.userIds)];
  const contactIds = [...new Set(input.contactIds)];
  if (userIds.length > 0) {
    const found = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, userIds), eq(users.status, 'active')));
    const ok = new Set(found.map((u) => u.id));
    const refused = input.userIds.findIndex((id) => !ok.has(id));
    if (refused >= 0) throw AppError.validation(`participants.userIds.${refused}`, 'activity.participant_not_allowed');
  }
  if (contactIds.length > 0) {
    const found = await ctx.db
      .select({ id: contactRef.id })
      .from(contactRef)
      .where(
        and(eq(contactRef.orgId, ctx.orgId), eq(contactRef.customerId, customerId), inArray(contactRef.id, contactIds)),
      );
    const ok = new Set(found.map((c) => c.id));
    const refused = input.contactIds.findIndex((id) => !ok.has(id));
    if (refused >= 0) {
      throw AppError.validation(`participants.contactIds.${refused}`, 'activity.contact_not_of_customer');
    }
  }
  return { userIds, contactIds };
}

/** Replaces the participants of an activity. */
export async function saveParticipants(ctx: Ctx, activityId: string, input: ParticipantsInput): Promise<void> {
  await ctx.db
    .delete(activityParticipants)
    .where(and(eq(activityParticipants.orgId, ctx.orgId), eq(activityParticipants.activityId, activityId)));
  const rows = [
    ...input.userIds.map((userId) => ({ orgId: ctx.orgId, activityId, userId })),
    ...input.contactIds.map((contactId) => ({ orgId: ctx.orgId, activityId, contactId })),
  ];
  if (rows.length > 0) await ctx.db.insert(activityParticipants).values(rows);
}

export interface Participants {
  users: NamedRef[];
  contacts: NamedRef[];
}

/** The participants of these activities with their names, by activity. */
export async function participantsOf(ctx: Ctx, activityIds: string[]): Promise<Map<string, Participants>> {
  const byActivity = new Map<string, Participants>(activityIds.map((id) => [id, { users: [], contacts: [] }]));
  if (activityIds.length === 0) return byActivity;
  const rows = await ctx.db
    .select({
      activityId: activityParticipants.activityId,
      userId: activityParticipants.userId,
      userName: users.name,
      contactId: activityParticipants.contactId,
      contactName: contactRef.name,
    })
    .from(activityParticipants)
    .leftJoin(users, and(eq(users.orgId, activityParticipants.orgId), eq(users.id, activityParticipants.userId)))
    .leftJoin(
      contactRef,
      and(eq(contactRef.orgId, activityParticipants.orgId), eq(contactRef.id, activityParticipants.contactId)),
    )
    .where(and(eq(activityParticipants.orgId, ctx.orgId), inArray(activityParticipants.activityId, activityIds)))
    .orderBy(activityParticipants.id);
  for (const row of rows) {
    const entry = byActivity.get(row.activityId);
    if (!entry) continue;
    if (row.userId) entry.users.push({ id: row.userId, name: row.userName ?? '' });
    if (row.contactId) entry.contacts.push({ id: row.contactId, name: row.contactName ?? '' });
  }
  return byActivity;
}
