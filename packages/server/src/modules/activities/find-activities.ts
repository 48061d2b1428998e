import {
  type Activity,
  type ActivityCounts,
  type ActivityCountsQuery,
  type ActivityListQuery,
  activityDisplaySubject,
  activityKinds,
  type Page,
  readerTitle,
} from '@berth/domain';
import { and, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { customerRef } from '../customers';
import { opportunityRef } from '../opportunities';
import { participantsOf } from './activity-participants';
import { activitiesReadable, activityCustomerJoin, mayChangeActivity } from './activity-scope';
import { activities } from './tables';

function selectActivities(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select({
      activity: activities,
      customerName: customerRef.name,
      opportunityTitle: opportunityRef.title,
      opportunityTitleParts: opportunityRef.titleParts,
      ownerName: users.name,
      canUpdate: mayChangeActivity(ctx, 'update'),
      canDelete: mayChangeActivity(ctx, 'delete'),
    })
    .from(activities)
    .innerJoin(customerRef, activityCustomerJoin)
    .leftJoin(
      opportunityRef,
      and(eq(opportunityRef.orgId, activities.orgId), eq(opportunityRef.id, activities.opportunityId)),
    )
    .leftJoin(users, and(eq(users.orgId, activities.orgId), eq(users.id, activities.ownerId)))
    .where(and(activitiesReadable(ctx), where));
}

type Row = Awaited<ReturnType<typeof selectActivities>>[number];

async function toActivities(ctx: Ctx, rows: Row[]): Promise<Activity[]> {
  const participants = await participantsOf(
    ctx,
    rows.map((r) => r.activity.id),
  );
  return rows.map(({ activity: a, ...r }) => {
    const people = participants.get(a.id) ?? { users: [], contacts: [] };
    const kind = a.kind as Activity['kind'];
    return {
      id: a.id,
      kind,
      subject: a.subject,
      displaySubject: activityDisplaySubject(
        a.subject,
        { kind, customerName: r.customerName, contactName: people.contacts[0]?.name, minutes: a.minutes },
        ctx.locale,
      ),
      occurredAt: iso(a.occurredAt) as string,
      durationMinutes: a.durationMinutes,
      customerId: a.customerId,
      customerName: r.customerName,
      opportunityId: a.opportunityId,
      // The title of an opportunity the caller may not open is still just its name, like the customer's.
      opportunityTitle:
        a.opportunityId && r.opportunityTitle !== null
          ? readerTitle(r.opportunityTitle, r.opportunityTitleParts, ctx.locale)
          : null,
      participants: people,
      minutes: a.minutes,
      outcome: a.outcome,
      ownerId: a.ownerId,
      ownerName: r.ownerName,
      canUpdate: Boolean(r.canUpdate),
      canDelete: Boolean(r.canDelete),
      version: a.version,
      createdAt: iso(a.createdAt) as string,
      updatedAt: iso(a.updatedAt) as string,
    };
  });
}

/** The list's filters other than paging and kind. */
function filtersOf(query: ActivityCountsQuery): SQL | undefined {
  return and(
    query.customerId ? eq(activities.customerId, query.customerId) : undefined,
    query.opportunityId ? eq(activities.opportunityId, query.opportunityId) : undefined,
    query.ownerId ? eq(activities.ownerId, query.ownerId) : undefined,
    query.from ? gte(activities.occurredAt, new Date(query.from)) : undefined,
    query.to ? lt(activities.occurredAt, new Date(query.to)) : undefined,
  );
}

/** How many activities of each kind the caller may see with these filters (the list's numbers by kind). */
export async function countActivities(ctx: Ctx, query: ActivityCountsQuery): Promise<ActivityCounts> {
  const rows = await ctx.db
    .select({ kind: activities.kind, count: count() })
    .from(activities)
    .innerJoin(customerRef, activityCustomerJoin)
    .where(and(activitiesReadable(ctx), filtersOf(query)))
    .groupBy(activities.kind);
  const counted = new Map(rows.map((r) => [r.kind, Number(r.count)]));
  const byKind = activityKinds.map((kind) => ({ kind, count: counted.get(kind) ?? 0 }));
  return { byKind, total: byKind.reduce((sum, k) => sum + k.count, 0) };
}

/** Activities the caller may see, newest first by when they happened, with the list's filters. */
export async function findActivities(ctx: Ctx, query: ActivityListQuery): Promise<Page<Activity>> {
  const keyset = { sort: activities.occurredAt, id: activities.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await selectActivities(
    ctx,
    and(filtersOf(query), query.kind ? inArray(activities.kind, query.kind) : undefined, afterCursor(keyset)),
  )
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.activity.occurredAt, r.activity.id],
    (r) => r,
  );
  return { items: await toActivities(ctx, page.items), nextCursor: page.nextCursor };
}

export async function getActivity(ctx: Ctx, id: string): Promise<Activity> {
  const rows = await selectActivities(ctx, eq(activities.id, id));
  const [activity] = await toActivities(ctx, rows);
  if (!activity) throw AppError.notFound();
  return activity;
}
