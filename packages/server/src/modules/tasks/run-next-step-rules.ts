import { type Clock, type NextStepRuleKind, nextStepTaskTitle, type SystemTitleParts } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/database';
import { inTransaction, systemCtx } from '../../platform/context';
import { emit } from '../../platform/events';
import { tasks } from './tables';

export const nextStepsJob = 'sales.next-steps';
export const nextStepsEveryMs = 3_600_000;

interface DueOccasion {
  rule_id: string;
  kind: NextStepRuleKind;
  days: number;
  task_title: string | null;
  task_priority: string;
  opportunity_id: string;
  opportunity_title: string;
  opportunity_title_parts: SystemTitleParts | null;
  customer_id: string;
  customer_name: string;
  owner_id: string;
  team_id: string | null;
  locale: string;
  due_at: Date | string;
  dedup_key: string;
}

/**
 * The occasions due at `now` that have no task yet, one row per rule and opportunity: the same
 * computation as nextStepOccasion in the domain package. An occasion starts when the opportunity
 * entered the stage (no_answer) or at the later of that and its last activity (no_activity); it is
 * due whole 24-hour days later. The dedup key names rule, opportunity and the occasion's start to
 * the microsecond, so a new activity or stage entry is a new occasion and the same one never repeats.
 */
function dueOccasions(orgId: string, now: string) {
  return sql`
    with due as (
      select r.id as rule_id, r.kind, r.days, r.task_title, r.task_priority,
             o.id as opportunity_id, o.title as opportunity_title, o.title_parts as opportunity_title_parts, o.customer_id, c.name as customer_name,
             o.owner_id, u.team_id, u.locale, s.starts_at, s.starts_at + r.days * interval '24 hours' as due_at
        from next_step_rules r
        join opportunities o on o.org_id = r.org_id and o.stage_key = r.stage_key and o.status = 'open'
        join users u on u.org_id = o.org_id and u.id = o.owner_id and u.status = 'active'
        join customers c on c.org_id = o.org_id and c.id = o.customer_id
        cross join lateral (
          select case when r.kind = 'no_answer' then o.stage_entered_at
                      else greatest(o.stage_entered_at, o.last_activity_at) end as starts_at) s
       where r.org_id = ${orgId} and r.enabled
         and (r.kind <> 'no_answer' or o.last_activity_at is null or o.last_activity_at < o.stage_entered_at)
         and s.starts_at + r.days * interval '24 hours' <= ${now}::timestamptz)
    select due.*, k.dedup_key
      from due
      cross join lateral (
        select 'next-step:' || due.rule_id || ':' || due.opportunity_id || ':'
               || to_char(due.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as dedup_key) k
     where not exists (select 1 from tasks t where t.org_id = ${orgId} and t.dedup_key = k.dedup_key)
     order by due.due_at, due.opportunity_id`;
}

/**
 * The scheduled next-step job: for every organisation with an enabled rule, one task for the
 * opportunity's owner per due occasion, and a notification (in-app and email) for each task made.
 * Set-based, one transaction per organisation. Safe to run twice at once: the insert skips keys
 * that exist (the unique dedup key decides between two runs), and only the run whose insert made
 * the task notifies. `clock` is the job run's, so tests move time forward with it.
 */
export async function runNextStepRules(db: Db, clock: Clock): Promise<{ created: number }> {
  const now = clock.now();
  const at = now.toISOString();
  const orgs = await queryRows<{ org_id: string }>(db, sql`select distinct org_id from next_step_rules where enabled`);
  let created = 0;
  for (const { org_id } of orgs) {
    await inTransaction(systemCtx(db, org_id, { clock }), async (tx) => {
      const due = await queryRows<DueOccasion>(tx.db, dueOccasions(org_id, at));
      if (due.length === 0) return;
      const made = await tx.db
        .insert(tasks)
        .values(
          due.map((o) => ({
            orgId: org_id,
            title:
              o.task_title ??
              nextStepTaskTitle(o.kind, o.days, o.opportunity_title, o.locale === 'en' ? 'en' : 'zh-CN'),
            titleParts: o.task_title
              ? null
              : ({
                  key: 'nextStep',
                  params: {
                    kind: o.kind,
                    days: o.days,
                    opportunity: o.opportunity_title,
                    opportunityParts: o.opportunity_title_parts ?? null,
                  },
                } satisfies SystemTitleParts),
            dueAt: new Date(o.due_at),
            assigneeId: o.owner_id,
            teamId: o.team_id,
            priority: o.task_priority,
            relatedType: 'opportunity',
            relatedId: o.opportunity_id,
            customerId: o.customer_id,
            source: 'rule',
            ruleId: o.rule_id,
            dedupKey: o.dedup_key,
            // The notification below is the reminder: the reminder job leaves these tasks alone.
            remindedAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: tasks.id, dedupKey: tasks.dedupKey, title: tasks.title, titleParts: tasks.titleParts });
      const byKey = new Map(due.map((o) => [o.dedup_key, o]));
      await emit(tx, 'tasks.next_steps_created', {
        tasks: made.flatMap((task) => {
          const occasion = byKey.get(task.dedupKey as string);
          if (!occasion) return [];
          return [
            {
              taskId: task.id,
              assigneeId: occasion.owner_id,
              title: task.title,
              titleParts: task.titleParts ?? null,
              opportunityId: occasion.opportunity_id,
              opportunityTitle: occasion.opportunity_title,
              opportunityTitleParts: occasion.opportunity_title_parts ?? null,
              customerName: occasion.customer_name,
              rule: occasion.kind,
              days: occasion.days,
            },
          ];
        }),
      });
      created += made.length;
    });
  }
  return { created };
}
