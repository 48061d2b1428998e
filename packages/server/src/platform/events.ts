import type { Db } from '../db/database';
import type { Ctx } from './context';
import { type Actor, systemCtx } from './context';
import { enqueueJob, enqueueJobs, type Job } from './jobs/job-runner';

/**
 * The domain events modules emit, by name, with their payloads. A module adds its own by
 * augmenting this interface in its `events.ts`:
 *
 *   declare module '../../platform/events' {
 *     interface DomainEvents { 'activity.logged': { activityId: string; customerId: string | null; at: string } }
 *   }
 *
 * Payloads are JSON (asynchronous subscribers read them back from the jobs table).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declarations
export interface DomainEvents {}
export type EventName = keyof DomainEvents;

export interface EventMeta {
  name: EventName;
  /** When the event happened (the emitting context's clock). */
  at: string;
  actor: Actor;
}

/**
 * A module's reaction to an event, declared in its manifest. `sync` runs inside the emitting
 * transaction, so its writes commit or roll back with the change (keep it small: a clock, a
 * counter). `async` runs afterwards as a durable job with retries (notifications, webhooks); the
 * job is queued in the emitting transaction, so it exists only if the change commits.
 */
export type EventSubscriber = {
  [E in EventName]: {
    event: E;
    /** Unique across modules: the async job is named `event.<name>`. */
    name: string;
    mode: 'sync' | 'async';
    handle: (ctx: Ctx, payload: DomainEvents[E], meta: EventMeta) => Promise<void>;
    /**
     * Optional: the same for many events at once (`emitAll`; for an asynchronous subscriber, the events of one
     * job), in one set-based statement instead of one per event (an import of thousands of customers).
     */
    handleAll?: (ctx: Ctx, payloads: readonly DomainEvents[E][], meta: EventMeta) => Promise<void>;
  };
}[EventName];

type AnySubscriber = {
  event: EventName;
  name: string;
  mode: 'sync' | 'async';
  handle: (ctx: Ctx, payload: unknown, meta: EventMeta) => Promise<void>;
  handleAll?: (ctx: Ctx, payloads: readonly unknown[], meta: EventMeta) => Promise<void>;
};

/** How many events of one `emitAll` an asynchronous subscriber's job carries. */
const eventsPerJob = 500;

/** The subscribers of every module, by event: set once when the module list is loaded. */
let subscribersByEvent = new Map<EventName, AnySubscriber[]>();

export function installEventSubscribers(subscribers: readonly EventSubscriber[]) {
  const names = new Set<string>();
  const byEvent = new Map<EventName, AnySubscriber[]>();
  for (const subscriber of subscribers as readonly AnySubscriber[]) {
    if (names.has(subscriber.name)) throw new Error(`Two event subscribers are named ${subscriber.name}`);
    names.add(subscriber.name);
    byEvent.set(subscriber.event, [...(byEvent.get(subscriber.event) ?? []), subscriber]);
  }
  subscribersByEvent = byEvent;
}

export const eventJobPrefix = 'event.';

/**
 * Announces that something happened, inside the transaction that made it happen: synchronous
 * subscribers run now on the same transaction, asynchronous ones are queued as jobs.
 */
export async function emit<E extends EventName>(ctx: Ctx, name: E, payload: DomainEvents[E]): Promise<void> {
  const meta: EventMeta = { name, at: ctx.clock.now().toISOString(), actor: ctx.actor };
  for (const subscriber of subscribersByEvent.get(name) ?? []) {
    if (subscriber.mode === 'sync') {
      await subscriber.handle(ctx, payload, meta);
    } else {
      await enqueueJob(
        ctx.db,
        `${eventJobPrefix}${subscriber.name}`,
        { payload: payload as Record<string, unknown>, meta: meta as unknown as Record<string, unknown> },
        { orgId: ctx.orgId },
      );
    }
  }
}

/**
 * `emit` for many events of one name at once (an import batch, a feed batch that moved thousands of
 * shipments): a synchronous subscriber handles them all in one call where it can (`handleAll`), else
 * each in order; an asynchronous subscriber gets one job per few hundred events, not one per event,
 * so that a large import does not leave thousands of jobs queued ahead of everything else.
 */
export async function emitAll<E extends EventName>(
  ctx: Ctx,
  name: E,
  payloads: readonly DomainEvents[E][],
): Promise<void> {
  if (payloads.length === 0) return;
  const meta: EventMeta = { name, at: ctx.clock.now().toISOString(), actor: ctx.actor };
  for (const subscriber of (subscribersByEvent.get(name) ?? []) as AnySubscriber[]) {
    if (subscriber.mode === 'sync') {
      if (subscriber.handleAll) await subscriber.handleAll(ctx, payloads, meta);
      else for (const payload of payloads) await subscriber.handle(ctx, payload, meta);
    } else {
      const chunks: (readonly DomainEvents[E][])[] = [];
      for (let i = 0; i < payloads.length; i += eventsPerJob) chunks.push(payloads.slice(i, i + eventsPerJob));
      await enqueueJobs(
        ctx.db,
        `${eventJobPrefix}${subscriber.name}`,
        chunks.map((chunk) =>
          chunk.length === 1
            ? { payload: chunk[0] as Record<string, unknown>, meta: meta as unknown as Record<string, unknown> }
            : {
                payloads: chunk as unknown as Record<string, unknown>[],
                meta: meta as unknown as Record<string, unknown>,
              },
        ),
        { orgId: ctx.orgId },
      );
    }
  }
}

/**
 * The job handlers of the asynchronous subscribers, for the job runner. A job of many events handles
 * them in one transaction, so that a retry after a failure half-way does not handle the first ones twice.
 */
export function asyncSubscriberJobs(subscribers: readonly EventSubscriber[]) {
  return (subscribers as readonly AnySubscriber[])
    .filter((s) => s.mode === 'async')
    .map((s) => ({
      name: `${eventJobPrefix}${s.name}`,
      run: async (job: Job, db: Db) => {
        const { payload, payloads, meta } = job.payload as { payload?: unknown; payloads?: unknown[]; meta: EventMeta };
        if (!payloads) return s.handle(systemCtx(db, job.orgId as string, { clock: job.clock }), payload, meta);
        await db.transaction(async (tx) => {
          const ctx = systemCtx(tx, job.orgId as string, { clock: job.clock });
          if (s.handleAll) await s.handleAll(ctx, payloads, meta);
          else for (const one of payloads) await s.handle(ctx, one, meta);
        });
      },
    }));
}
