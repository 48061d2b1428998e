import {
  type ActivityKind,
  activityDisplaySubject,
  addMinutes,
  type CalendarItem,
  type Locale,
  readerTitle,
  type SalesEventKind,
  type TaskPriority,
  type TaskStatus,
} from '@berth/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database';

export interface AgendaTask {
  id: string;
  /** In the reader's language when the product made it. */
  title: string;
  description: string | null;
  dueAt: Date;
  status: TaskStatus;
  priority: TaskPriority;
  customerId: string | null;
  customerName: string | null;
  /** The customer, opportunity (in the reader's language) or event the task is about. */
  relatedName: string | null;
  updatedAt: Date;
}

export interface AgendaActivity {
  id: string;
  kind: ActivityKind;
  /** Null when logged without one (see `agendaActivityTitle`). */
  subject: string | null;
  occurredAt: Date;
  durationMinutes: number | null;
  customerId: string;
  customerName: string;
  /** The first of the customer's people who took part. */
  contactName: string | null;
  minutes: string | null;
  updatedAt: Date;
}

/** A sales event the user owns or takes part in. */
export interface AgendaSalesEvent {
  id: string;
  kind: SalesEventKind;
  name: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  description: string | null;
  updatedAt: Date;
}

/** What the calendar shows of an activity: its subject, or one made from its parts in the reader's language. */
export function agendaActivityTitle(a: AgendaActivity, locale: Locale): string {
  return activityDisplaySubject(
    a.subject,
    { kind: a.kind, customerName: a.customerName, contactName: a.contactName, minutes: a.minutes },
    locale,
  );
}

const agendaLimit = 2000;
const toDate = (value: Date | string) => new Date(value);

export interface Agenda {
  tasks: AgendaTask[];
  activities: AgendaActivity[];
  salesEvents: AgendaSalesEvent[];
}

/**
 * One user's tasks with a due time, the activities they logged or took part in and the sales events
 * they own or take part in, within a time range: what their calendar shows. `openOnly` leaves done
 * and cancelled tasks out (the feed). Titles the product made are in `locale`.
 */
export async function agendaOf(
  db: Executor,
  orgId: string,
  userId: string,
  range: { from: Date; to: Date; openOnly?: boolean },
  locale: Locale,
): Promise<Agenda> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const taskRows = await queryRows<Record<string, unknown>>(
    db,
    sql`select t.id, t.title, t.title_parts, t.description, t.due_at, t.status, t.priority, t.customer_id, t.updated_at,
               c.name as customer_name, coalesce(rc.name, o.title, e.name) as related_name, o.title_parts as related_parts
          from tasks t
          left join customers c on c.org_id = t.org_id and c.id = t.customer_id
          left join customers rc on t.related_type = 'customer' and rc.org_id = t.org_id and rc.id = t.related_id
          left join opportunities o on t.related_type = 'opportunity' and o.org_id = t.org_id and o.id = t.related_id
          left join sales_events e on t.related_type = 'sales_event' and e.org_id = t.org_id and e.id = t.related_id
         where t.org_id = ${orgId} and t.assignee_id = ${userId} and t.due_at is not null
           and t.due_at >= ${from}::timestamptz and t.due_at < ${to}::timestamptz
           ${range.openOnly ? sql`and t.status = 'open'` : sql``}
         order by t.due_at, t.id
         limit ${agendaLimit}`,
  );
  const activityRows = await queryRows<Record<string, unknown>>(
    db,
    sql`select a.id, a.kind, a.subject, a.occurred_at, a.duration_minutes, a.customer_id, a.minutes, a.updated_at,
               c.name as customer_name,
               (select ct.name from activity_participants p
                  join contacts ct on ct.org_id = p.org_id and ct.id = p.contact_id
                 where p.org_id = a.org_id and p.activity_id = a.id and p.contact_id is not null
                 order by p.id limit 1) as contact_name
          from activities a
          join customers c on c.org_id = a.org_id and c.id = a.customer_id
         where a.org_id = ${orgId} and a.deleted_at is null
           and a.occurred_at >= ${from}::timestamptz and a.occurred_at < ${to}::timestamptz
           and (a.owner_id = ${userId}
                or exists (select 1 from activity_participants p
                            where p.org_id = a.org_id and p.activity_id = a.id and p.user_id = ${userId}))
         order by a.occurred_at, a.id
         limit ${agendaLimit}`,
  );
  // An event that overlaps the range, owned by the user or with them among its participants.
  const eventRows = await queryRows<Record<string, unknown>>(
    db,
    sql`select e.id, e.kind, e.name, e.starts_at, e.ends_at, e.place, e.description, e.updated_at
          from sales_events e
         where e.org_id = ${orgId}
           and e.starts_at < ${to}::timestamptz and e.ends_at > ${from}::timestamptz
           and (e.owner_id = ${userId}
                or exists (select 1 from sales_event_participants p
                            where p.org_id = e.org_id and p.event_id = e.id and p.user_id = ${userId}))
         order by e.starts_at, e.id
         limit ${agendaLimit}`,
  );
  return {
    tasks: taskRows.map((r) => ({
      id: r.id as string,
      title: readerTitle(r.title as string, r.title_parts, locale),
      description: r.description as string | null,
      dueAt: toDate(r.due_at as string),
      status: r.status as TaskStatus,
      priority: r.priority as TaskPriority,
      customerId: r.customer_id as string | null,
      customerName: r.customer_name as string | null,
      relatedName: r.related_name === null ? null : readerTitle(r.related_name as string, r.related_parts, locale),
      updatedAt: toDate(r.updated_at as string),
    })),
    activities: activityRows.map((r) => ({
      id: r.id as string,
      kind: r.kind as ActivityKind,
      subject: r.subject as string | null,
      occurredAt: toDate(r.occurred_at as string),
      durationMinutes: r.duration_minutes as number | null,
      customerId: r.customer_id as string,
      customerName: r.customer_name as string,
      contactName: r.contact_name as string | null,
      minutes: r.minutes as string | null,
      updatedAt: toDate(r.updated_at as string),
    })),
    salesEvents: eventRows.map((r) => ({
      id: r.id as string,
      kind: r.kind as SalesEventKind,
      name: r.name as string,
      startsAt: toDate(r.starts_at as string),
      endsAt: toDate(r.ends_at as string),
      place: r.place as string | null,
      description: r.description as string | null,
      updatedAt: toDate(r.updated_at as string),
    })),
  };
}

const defaultMinutes = 30;

/**
 * The calendar page's items in the reader's language: tasks at their due time, activities from when
 * they happen for their duration, sales events from start to end.
 */
export function calendarItems(agenda: Agenda, locale: Locale): CalendarItem[] {
  const none = { activityKind: null, taskStatus: null, taskPriority: null, salesEventKind: null, place: null };
  const items: CalendarItem[] = [
    ...agenda.tasks.map((t) => ({
      type: 'task' as const,
      id: t.id,
      title: t.title,
      start: t.dueAt.toISOString(),
      end: null,
      customerId: t.customerId,
      customerName: t.customerName,
      ...none,
      taskStatus: t.status,
      taskPriority: t.priority,
    })),
    ...agenda.activities.map((a) => ({
      type: 'activity' as const,
      id: a.id,
      title: agendaActivityTitle(a, locale),
      start: a.occurredAt.toISOString(),
      end: addMinutes(a.occurredAt, a.durationMinutes ?? defaultMinutes).toISOString(),
      customerId: a.customerId,
      customerName: a.customerName,
      ...none,
      activityKind: a.kind,
    })),
    ...agenda.salesEvents.map((e) => ({
      type: 'sales_event' as const,
      id: e.id,
      title: e.name,
      start: e.startsAt.toISOString(),
      end: e.endsAt.toISOString(),
      customerId: null,
      customerName: null,
      ...none,
      salesEventKind: e.kind,
      place: e.place,
    })),
  ];
  return items.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

export const activityDefaultMinutes = defaultMinutes;
