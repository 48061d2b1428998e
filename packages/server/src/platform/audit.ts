import { auditLog } from '../db/schema';
import type { Ctx } from './context';

type AuditCtx = Pick<Ctx, 'orgId' | 'actor' | 'db' | 'ip' | 'requestId'>;

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  meta?: Record<string, unknown>;
}

export interface AuditChange {
  entity: string;
  entityId: string;
  changes: Record<string, [unknown, unknown]>;
}

const actorOf = (ctx: AuditCtx) => ({
  orgId: ctx.orgId,
  actorId: ctx.actor.id,
  actorType: ctx.actor.type,
  ip: ctx.ip ?? null,
  requestId: ctx.requestId ?? null,
});

/**
 * Changes to audited tables are logged by the database trigger (see the migrations). Events
 * that change no row — sign-in, export, reading unmasked personal data, tagging — are recorded
 * here, one row each, in one insert.
 */
export async function recordEvents(ctx: AuditCtx, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await ctx.db.insert(auditLog).values(
    events.map((event) => ({
      ...actorOf(ctx),
      action: event.action,
      entity: event.entity,
      entityId: event.entityId ?? null,
      meta: event.meta ?? null,
    })),
  );
}

export function recordEvent(ctx: AuditCtx, event: AuditEvent): Promise<void> {
  return recordEvents(ctx, [event]);
}

/** Changes the trigger cannot see (rows of a child table shown as one field of the parent), in one insert. */
export async function recordChanges(ctx: AuditCtx, changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  await ctx.db.insert(auditLog).values(
    changes.map((change) => ({
      ...actorOf(ctx),
      action: 'update',
      entity: change.entity,
      entityId: change.entityId,
      changes: change.changes,
    })),
  );
}

export function recordChange(ctx: AuditCtx, change: AuditChange): Promise<void> {
  return recordChanges(ctx, [change]);
}
