import type { Clock } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/database';
import { systemCtx } from '../../platform/context';
import { emit } from '../../platform/events';

export const taskRemindersJob = 'tasks.reminders';
/** How often due tasks are looked for; a reminder is at most this late. */
export const taskRemindersEveryMs = 60_000;
const batchSize = 500;

interface DueTask {
  org_id: string;
  id: string;
  assignee_id: string;
  title: string;
  title_parts: unknown;
  related_name: string | null;
  related_parts: unknown;
}

/**
 * Reminds assignees of their open tasks that have fallen due: an in-app notification and an email
 * through the outbox, once per task (reminded_at; a new due time clears it). The rows are claimed
 * with SKIP LOCKED and the claim re-checks reminded_at, so two runs at once never remind twice, and
 * the notifications commit with the claim or not at all. `clock` is the job run's.
 */
export async function runTaskReminders(db: Db, clock: Clock): Promise<number> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const rows = await queryRows<DueTask>(
      tx,
      sql`with due as (
            update tasks t set reminded_at = ${at}::timestamptz
              from (select org_id, id from tasks
                     where status = 'open' and reminded_at is null and due_at <= ${at}::timestamptz
                     order by due_at
                     limit ${batchSize}
                     for update skip locked) d
             where t.org_id = d.org_id and t.id = d.id and t.reminded_at is null and t.status = 'open'
            returning t.org_id, t.id, t.assignee_id, t.title, t.title_parts, t.related_type, t.related_id)
          select due.org_id, due.id, due.assignee_id, due.title, due.title_parts,
                 coalesce(c.name, o.title, e.name) as related_name, o.title_parts as related_parts
            from due
            left join customers c on due.related_type = 'customer' and c.org_id = due.org_id and c.id = due.related_id
            left join opportunities o on due.related_type = 'opportunity' and o.org_id = due.org_id and o.id = due.related_id
            left join sales_events e on due.related_type = 'sales_event' and e.org_id = due.org_id and e.id = due.related_id`,
    );
    const byOrg = new Map<string, DueTask[]>();
    for (const row of rows) byOrg.set(row.org_id, [...(byOrg.get(row.org_id) ?? []), row]);
    for (const [orgId, due] of byOrg) {
      await emit(systemCtx(tx, orgId, { clock }), 'tasks.due', {
        tasks: due.map((r) => ({
          taskId: r.id,
          assigneeId: r.assignee_id,
          title: r.title,
          titleParts: r.title_parts ?? null,
          relatedName: r.related_name,
          relatedParts: r.related_parts ?? null,
        })),
      });
    }
    return rows.length;
  });
}
