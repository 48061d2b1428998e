import type { Ctx } from '../../platform/context';
import { assertOwner } from '../../platform/owner-assignment';

/**
 * The owner of an event: an active user within the actor's salesEvents scope for the action (the
 * owner rule); an event without owner needs organisation scope. The event belongs to the owner's team.
 */
export async function eventOwner(
  ctx: Ctx,
  action: 'create' | 'update',
  ownerId: string | null,
): Promise<{ ownerId: string | null; teamId: string | null }> {
  const { owner, teamId } = await assertOwner(ctx, {
    resource: 'salesEvents',
    action,
    ownerId,
    codes: { outsideScope: 'sales_event.owner_outside_scope', inactive: 'sales_event.user_inactive' },
  });
  return { ownerId: owner?.id ?? null, teamId };
}
