import type { Clock, Locale, Permissions, Resource, Scope } from '@berth/domain';
import { fullPermissions, scopeOf, systemClock } from '@berth/domain';
import { type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/database';
import { AppError, isTransactionConflict } from './app-error';

export interface Actor {
  type: 'user' | 'apiKey' | 'system';
  /** The user's id, the API key's id, or null for the system. */
  id: string | null;
}

/**
 * What every use case receives: the tenant, who acts, what they may do, where queries run and
 * what time it is. `userId` is the person data scope "own" refers to (for an API key, the user who
 * created it).
 */
export interface Ctx {
  orgId: string;
  actor: Actor;
  userId: string | null;
  /** The user's team and all of its sub-teams, for data scope "team". */
  teamIds: string[];
  permissions: Permissions;
  locale: Locale;
  db: Executor;
  /**
   * Business time ("now" for due dates, clocks, stamps a rule compares): the system's in a request,
   * the instant a job runs for in a job. Column defaults and session machinery keep the database's now().
   */
  clock: Clock;
  requestId?: string;
  ip?: string;
}

/** The context's time as an SQL timestamptz, for statements that stamp or compare business time. */
export function nowSql(ctx: Pick<Ctx, 'clock'>): SQL {
  return sql`${ctx.clock.now().toISOString()}::timestamptz`;
}

/** The data scope this context has for an action, or a 403 when it has none. */
export function requireScope(ctx: Ctx, resource: Resource, action: string): Scope {
  const scope = scopeOf(ctx.permissions, resource, action);
  if (!scope) throw AppError.forbidden();
  return scope;
}

export function can(ctx: Ctx, resource: Resource, action: string): boolean {
  return scopeOf(ctx.permissions, resource, action) !== null;
}

/**
 * Runs `work` in one transaction and tells the audit trigger who is acting.
 * Nested calls reuse the open transaction through a savepoint.
 */
export async function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('berth.actor_id', ${ctx.actor.id ?? ''}, true),
      set_config('berth.actor_type', ${ctx.actor.type}, true),
      set_config('berth.request_id', ${ctx.requestId ?? ''}, true),
      set_config('berth.ip', ${ctx.ip ?? ''}, true)`);
    return work({ ...ctx, db: tx });
  });
}

/**
 * `inTransaction` for work that writes rows other transactions write too, in an order it cannot choose (many
 * shipments, and through their triggers the report's aggregate): when the database ends the transaction as a
 * deadlock's victim or a serialisation failure, the work runs again from the start, a few times, after a short random
 * pause. `work` must therefore only write to the database (its effects roll back with it). Inside a transaction
 * already open, nothing is retried here: the conflict aborts the whole transaction, so only its outermost caller can.
 */
export async function inRetriedTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>, attempts = 4): Promise<T> {
  if (ctx.db instanceof PgTransaction) return inTransaction(ctx, work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(ctx, work);
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
}

export interface CtxOptions {
  clock?: Clock;
  locale?: Locale;
}

/** A context for work the system does on a tenant's behalf (jobs, setup, CLI). */
export function systemCtx(db: Executor, orgId: string, options: CtxOptions = {}): Ctx {
  return {
    orgId,
    actor: { type: 'system', id: null },
    userId: null,
    teamIds: [],
    permissions: {},
    locale: options.locale ?? 'zh-CN',
    db,
    clock: options.clock ?? systemClock,
  };
}

/** A user acting with every permission over the whole organisation: how the demo data is written. */
export function fullAccessCtx(db: Executor, orgId: string, userId: string, options: CtxOptions = {}): Ctx {
  return {
    orgId,
    actor: { type: 'user', id: userId },
    userId,
    teamIds: [],
    permissions: fullPermissions(),
    locale: options.locale ?? 'zh-CN',
    db,
    clock: options.clock ?? systemClock,
  };
}
