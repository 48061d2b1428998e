import type { AssignCustomerInput, Customer, HandoverInput } from '@berth/domain';
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { emit } from '../../platform/events';
import { assertOwner, findOwnerUser, type OwnerUser } from '../../platform/owner-assignment';
import { customerRecord, customerRef } from '../customers';
import { changeOwner } from './change-owner';
import { assignableCustomers } from './pool-scope';

export interface Assignee {
  id: string;
  name: string;
  teamId: string | null;
}

/**
 * The new owner of customers given by a manager: the owner rule under the caller's customers.assign
 * scope (an active user; with "team" scope a member of the caller's teams, or the caller, and the
 * customer's team one of the caller's teams; with "own" scope only the caller).
 */
export async function assignee(
  ctx: Ctx,
  ownerId: string,
  teamId: string | null | undefined,
  field: string,
): Promise<Assignee> {
  const { owner, teamId: team } = await assertOwner(ctx, {
    resource: 'customers',
    action: 'assign',
    ownerId,
    teamId,
    field,
    codes: { outsideScope: 'customer.owner_outside_scope', inactive: 'pool.user_inactive' },
  });
  const user = owner as OwnerUser;
  return { id: user.id, name: user.name, teamId: team };
}

/** A manager gives a customer (owned or pooled) to a user in their scope; the new owner is notified. */
export async function assignCustomer(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: AssignCustomerInput,
): Promise<Customer> {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.db
      .select({ version: customerRef.version })
      .from(customerRef)
      .where(and(assignableCustomers(tx), eq(customerRef.id, id)))
      .for('update');
    if (!current) throw AppError.notFound();
    const target = await assignee(tx, input.ownerId, input.teamId, 'ownerId');
    if (expected !== undefined && expected !== current.version) throw AppError.versionConflict();
    const changed = await changeOwner(
      tx,
      [id],
      { ownerId: target.id, teamId: target.teamId },
      { reason: 'assign', text: input.reason },
    );
    const updated = await customerRecord(tx, id);
    if (changed.length === 0) return updated;
    await emit(tx, 'pool.customer_assigned', {
      customerId: id,
      customerName: updated.name,
      ownerId: target.id,
      reason: input.reason ?? null,
    });
    return updated;
  });
}

/** The customers a handover from `fromUserId` moves: theirs within the caller's customers.assign scope, not merged. */
export function handoverCandidates(ctx: Ctx, fromUserId: string, customerIds?: string[]): SQL {
  return and(
    scopeWhere(ctx, 'customers', 'assign', {
      orgId: customerRef.orgId,
      owner: customerRef.ownerId,
      team: customerRef.teamId,
    }),
    eq(customerRef.ownerId, fromUserId),
    isNull(customerRef.mergedIntoId),
    customerIds ? inArray(customerRef.id, customerIds) : undefined,
  ) as SQL;
}

/**
 * A departing rep's customers go to a colleague in one set-based statement: all of them within the
 * caller's customers.assign scope, or the listed ones. Contacts, notes and every linked record stay
 * with their customer; each customer's history gets a handover entry. Returns how many moved.
 */
export async function handoverCustomers(ctx: Ctx, input: HandoverInput): Promise<{ count: number }> {
  if (input.fromUserId === input.toUserId) throw AppError.validation('toUserId', 'pool.same_user');
  return inTransaction(ctx, async (tx) => {
    const from = await findOwnerUser(tx, input.fromUserId);
    if (!from) throw AppError.validation('fromUserId', 'reference.invalid');
    const target = await assignee(tx, input.toUserId, undefined, 'toUserId');
    const moved = await changeOwner(
      tx,
      handoverCandidates(tx, from.id, input.customerIds),
      // A colleague without a team takes the customers over in their teams.
      { ownerId: target.id, teamId: target.teamId ?? undefined },
      { reason: 'handover', text: input.reason },
    );
    const count = moved.length;
    if (count > 0) {
      await emit(tx, 'pool.customers_handed_over', {
        fromUserId: from.id,
        fromName: from.name,
        toUserId: target.id,
        count,
        reason: input.reason ?? null,
      });
    }
    return { count };
  });
}
