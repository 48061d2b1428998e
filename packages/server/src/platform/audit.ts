import { auditLog } from '../db/schema';
import type { Ctx } from './context';

/**
 * Changes to audited tables are logged by the database trigger (see the migrations). Events
 * that change no row — sign-in, export, reading unmasked personal data — are recorded here.
 */
export async function recordEvent(
  ctx: Pick<Ctx, 'orgId' | 'actor' | 'db' | 'ip' | 'requestId'>,
  event: { action: string; entity: string; entityId?: string | null; meta?: Record<string, unknown> },
): Promise<void> {
  await ctx.db.insert(auditLog).values({
    orgId: ctx.orgId,
    actorId: ctx.actor.id,
    actorType: ctx.actor.type,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    meta: event.meta ?? null,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
  });
}

/** A change the trigger cannot see (rows of a child table shown as one field of the parent). */
export async function recordChange(
  ctx: Pick<Ctx, 'orgId' | 'actor' | 'db' | 'ip' | 'requestId'>,
  change: { entity: string; entityId: string; changes: Record<string, [unknown, unknown]> },
): Promise<void> {
  await ctx.db.insert(auditLog).values({
    orgId: ctx.orgId,
    actorId: ctx.actor.id,
    actorType: ctx.actor.type,
    action: 'update',
    entity: change.entity,
    entityId: change.entityId,
    changes: change.changes,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
  });
}
