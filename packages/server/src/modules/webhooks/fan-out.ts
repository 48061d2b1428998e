import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '@berth/domain';
import { and, arrayContains, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { DomainEvents, EventMeta, EventSubscriber } from '../../platform/events';
import { enqueueJobs } from '../../platform/jobs/job-runner';
import { deliverWebhookJob, deliveryAttempts } from './subscriptions';
import { webhookDeliveries, webhookSubscriptions } from './tables';

/**
 * Queues one delivery per active subscription to each event: `{ type, timestamp, data }` as Standard Webhooks
 * suggests, `data` being the domain event's payload (ids and codes; receivers fetch the record through the API,
 * where their own rights apply). Runs as an asynchronous subscriber, after the change committed; a job of many
 * events (an import batch) looks the subscriptions up once and queues all their deliveries in two statements.
 */
async function fanOut(ctx: Ctx, event: WebhookEvent, data: readonly object[], meta: EventMeta): Promise<void> {
  const subscriptions = await ctx.db
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.orgId, ctx.orgId),
        eq(webhookSubscriptions.status, 'active'),
        arrayContains(webhookSubscriptions.events, [event]),
      ),
    );
  if (subscriptions.length === 0 || data.length === 0) return;
  const rows = await ctx.db
    .insert(webhookDeliveries)
    .values(
      data.flatMap((one) =>
        subscriptions.map((subscription) => ({
          orgId: ctx.orgId,
          subscriptionId: subscription.id,
          messageId: `msg_${randomUUID()}`,
          event,
          payload: { type: event, timestamp: meta.at, data: one },
        })),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  await enqueueJobs(
    ctx.db,
    deliverWebhookJob,
    rows.map((row) => ({ id: row.id })),
    { orgId: ctx.orgId, maxAttempts: deliveryAttempts },
  );
}

const relay = <E extends WebhookEvent & keyof DomainEvents>(event: E): EventSubscriber =>
  ({
    event,
    name: `webhooks.${event}`,
    mode: 'async',
    handle: (ctx: Ctx, payload: DomainEvents[E], meta: EventMeta) => fanOut(ctx, event, [payload as object], meta),
    handleAll: (ctx: Ctx, payloads: readonly DomainEvents[E][], meta: EventMeta) =>
      fanOut(ctx, event, payloads as readonly object[], meta),
  }) as unknown as EventSubscriber;

/** The webhook events: each a domain event of the module that announces it, relayed as it is. */
export const webhookSubscribers: readonly EventSubscriber[] = [
  relay('customer.created'),
  relay('customer.updated'),
  relay('customer.merged'),
  relay('opportunity.won'),
  relay('opportunity.lost'),
  relay('shipment.created'),
  relay('shipment.status_changed'),
  relay('shipment.exception'),
];
