import {
  type AssignProspectsInput,
  type AssignProspectsResult,
  type ProspectAssignment,
  spreadProspects,
} from '@berth/domain';
import { and, inArray } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { emit } from '../../platform/events';
import { customerRef } from '../customers';
import { type Assignee, assignee, changeOwner } from '../pool';
import { assignableProspects } from './prospect-scope';

/**
 * Hands prospects to reps in one transaction: all to one rep (manual), or spread evenly over the
 * chosen reps (round robin, optionally keeping each country with one rep). Every prospect must be
 * assignable by the caller and every rep within their customers.assign scope. Each change is an
 * `assign` entry of the ownership log (so the customer's timeline shows it) and starts the pool
 * protection of the rep's team; each rep gets one notification for all their new prospects.
 */
export async function assignProspects(ctx: Ctx, input: AssignProspectsInput): Promise<AssignProspectsResult> {
  requireScope(ctx, 'customers', 'assign');
  if (input.mode === 'manual' && input.userIds.length !== 1) {
    throw AppError.validation('userIds', 'prospect.manual_needs_one_user');
  }
  return inTransaction(ctx, async (tx) => {
    const ids = [...new Set(input.customerIds)];
    const rows = await tx.db
      .select({
        id: customerRef.id,
        country: customerRef.country,
        ownerId: customerRef.ownerId,
        teamId: customerRef.teamId,
      })
      .from(customerRef)
      .where(and(assignableProspects(tx), inArray(customerRef.id, ids)))
      .orderBy(customerRef.id)
      .for('update');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = input.customerIds.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw AppError.validation(`customerIds.${missing}`, 'prospect.not_assignable');

    const reps = new Map<string, Assignee>();
    for (const [i, userId] of input.userIds.entries()) {
      if (!reps.has(userId)) reps.set(userId, await assignee(tx, userId, undefined, `userIds.${i}`));
    }
    const prospects = ids.map((id) => byId.get(id) as (typeof rows)[number]);
    const plan: ProspectAssignment[] =
      input.mode === 'manual'
        ? prospects.map((p) => ({ customerId: p.id, ownerId: input.userIds[0] as string }))
        : spreadProspects(prospects, [...reps.keys()], { byCountry: input.by === 'country' });

    const changes = plan.filter((a) => {
      const rep = reps.get(a.ownerId) as Assignee;
      const current = byId.get(a.customerId);
      return current?.ownerId !== rep.id || current?.teamId !== rep.teamId;
    });
    if (changes.length > 0) {
      // One statement per rep, for all the prospects they get.
      for (const rep of reps.values()) {
        const theirs = changes.filter((a) => a.ownerId === rep.id).map((a) => a.customerId);
        await changeOwner(
          tx,
          theirs,
          { ownerId: rep.id, teamId: rep.teamId },
          { reason: 'assign', text: input.reason },
        );
      }
      const perRep = new Map<string, number>();
      for (const a of changes) perRep.set(a.ownerId, (perRep.get(a.ownerId) ?? 0) + 1);
      await emit(tx, 'prospects.assigned', {
        assignments: [...perRep.entries()].map(([userId, count]) => ({ userId, count })),
        reason: input.reason ?? null,
      });
    }
    return { count: changes.length, assignments: plan };
  });
}
