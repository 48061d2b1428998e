import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import type { EventSubscriber } from '../../platform/events';
import { notify, withTitleParts } from './notify';

/** The acting user's name, as the notification names who did it. */
async function actorName(ctx: Ctx): Promise<string | null> {
  if (!ctx.userId) return null;
  const [me] = await ctx.db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, ctx.userId)));
  return me?.name ?? null;
}

const email = { email: true };

/** What a shipment notice names (the slip, the missed milestone): its reference and customer, told to the owner. */
interface ShipmentNotice {
  shipmentId: string;
  ownerId: string | null;
  customerName: string | null;
  reference: string;
}

/** Tells the shipment's customer owner (nothing when there is none), in the app and by email. */
async function tellShipmentOwner(
  ctx: Ctx,
  e: ShipmentNotice,
  kind: string,
  details: Record<string, string | number>,
): Promise<void> {
  if (!e.ownerId) return;
  const params = { reference: e.reference, customer: e.customerName, ...details };
  await notify(ctx, [{ userId: e.ownerId, kind, params, subject: { type: 'shipment', id: e.shipmentId } }], email);
}

/**
 * Who hears about what, in the app and by email. Synchronous: the notifications and their mails
 * (through the outbox) commit with the change that caused them, or not at all. Nobody is told of
 * what they did themselves.
 */
export const notificationSubscribers: readonly EventSubscriber[] = [
  {
    event: 'note.mentioned',
    name: 'notifications.note-mention',
    mode: 'sync',
    handle: async (ctx, e) => {
      const recipients = e.userIds.filter((id) => id !== ctx.userId);
      if (recipients.length === 0) return;
      const author = (await actorName(ctx)) ?? '';
      const params = { author, customer: e.customerName, excerpt: e.excerpt };
      const subject = { type: 'customer', id: e.customerId };
      await notify(
        ctx,
        recipients.map((userId) => ({ userId, kind: 'note.mention', params, subject })),
        email,
      );
    },
  },
  {
    event: 'inquiry.received',
    name: 'notifications.inquiry',
    mode: 'sync',
    handle: async (ctx, e) => {
      const owner = e.opportunityOwnerId;
      if (!owner || (ctx.actor.type === 'user' && owner === ctx.userId)) return;
      const params = withTitleParts(
        {
          customer: e.customerName,
          pol: e.pol,
          pod: e.pod,
          mode: e.mode,
          code: e.opportunityCode,
          opportunity: e.opportunityTitle,
          opened: e.openedOpportunity ? 1 : 0,
          message: e.message,
        },
        { opportunity: e.opportunityTitleParts },
      );
      const subject = { type: 'opportunity', id: e.opportunityId };
      await notify(ctx, [{ userId: owner, kind: 'opportunity.inquiry', params, subject }], email);
    },
  },
  {
    event: 'pool.customer_assigned',
    name: 'notifications.customer-assigned',
    mode: 'sync',
    handle: async (ctx, e) => {
      if (e.ownerId === ctx.userId) return;
      const params = { actor: await actorName(ctx), customer: e.customerName, reason: e.reason };
      const subject = { type: 'customer', id: e.customerId };
      await notify(ctx, [{ userId: e.ownerId, kind: 'customer.assigned', params, subject }], email);
    },
  },
  {
    event: 'pool.customers_handed_over',
    name: 'notifications.customers-handed-over',
    mode: 'sync',
    handle: async (ctx, e) => {
      if (e.toUserId === ctx.userId) return;
      const params = { actor: await actorName(ctx), from: e.fromName, count: e.count, reason: e.reason };
      await notify(ctx, [{ userId: e.toUserId, kind: 'customer.handover', params }], email);
    },
  },
  {
    event: 'pool.customer_released',
    name: 'notifications.customer-released',
    mode: 'sync',
    handle: async (ctx, e) => {
      if (e.previousOwnerId === ctx.userId) return;
      const params = { customer: e.customerName, reason: e.reason, actor: await actorName(ctx) };
      const subject = { type: 'customer', id: e.customerId };
      await notify(ctx, [{ userId: e.previousOwnerId, kind: 'pool.returned', params, subject }], email);
    },
  },
  {
    event: 'pool.return_due',
    name: 'notifications.pool-warning',
    mode: 'sync',
    handle: (ctx, e) =>
      notify(
        ctx,
        e.customers.map((c) => ({
          userId: c.ownerId,
          kind: 'pool.warning',
          params: { customer: c.customerName, days: c.days, rule: c.rule, ruleDays: c.ruleDays },
          subject: { type: 'customer', id: c.customerId },
        })),
        email,
      ),
  },
  {
    event: 'pool.customers_returned',
    name: 'notifications.pool-returned',
    mode: 'sync',
    handle: (ctx, e) =>
      notify(
        ctx,
        e.customers.map((c) => ({
          userId: c.ownerId,
          kind: 'pool.returned',
          params: { customer: c.customerName, rule: c.rule, ruleDays: c.ruleDays },
          subject: { type: 'customer', id: c.customerId },
        })),
        email,
      ),
  },
  {
    event: 'prospects.assigned',
    name: 'notifications.prospects-assigned',
    mode: 'sync',
    handle: async (ctx, e) => {
      const theirs = e.assignments.filter((a) => a.userId !== ctx.userId);
      if (theirs.length === 0) return;
      const actor = await actorName(ctx);
      await notify(
        ctx,
        theirs.map((a) => ({
          userId: a.userId,
          kind: 'prospects.assigned',
          params: { actor, count: a.count, reason: e.reason },
        })),
        email,
      );
    },
  },
  {
    event: 'sales_event.lead_handed_over',
    name: 'notifications.lead-handed-over',
    mode: 'sync',
    handle: async (ctx, e) => {
      if (!e.ownerId || e.ownerId === ctx.userId) return;
      const params = {
        capturedBy: await actorName(ctx),
        customer: e.customerName,
        event: e.eventName,
        contact: e.contactName,
      };
      const subject = { type: 'sales_event', id: e.eventId };
      await notify(ctx, [{ userId: e.ownerId, kind: 'sales_event.lead_handed_over', params, subject }], email);
    },
  },
  {
    event: 'sales_event.starting_soon',
    name: 'notifications.sales-event-reminder',
    mode: 'sync',
    handle: (ctx, e) =>
      notify(
        ctx,
        e.events.flatMap((event) =>
          event.participantIds.map((userId) => ({
            userId,
            kind: 'sales_event.reminder',
            params: { event: event.name, startsAt: event.startsAt, place: event.place },
            subject: { type: 'sales_event', id: event.eventId },
          })),
        ),
        email,
      ),
  },
  {
    event: 'tasks.due',
    name: 'notifications.task-due',
    mode: 'sync',
    handle: (ctx, e) =>
      notify(
        ctx,
        e.tasks.map((t) => ({
          userId: t.assigneeId,
          kind: 'task.due',
          params: withTitleParts(
            { task: t.title, related: t.relatedName },
            { task: t.titleParts, related: t.relatedParts },
          ),
          subject: { type: 'task', id: t.taskId },
        })),
        email,
      ),
  },
  {
    event: 'tasks.next_steps_created',
    name: 'notifications.next-step',
    mode: 'sync',
    handle: (ctx, e) =>
      notify(
        ctx,
        e.tasks.map((t) => ({
          userId: t.assigneeId,
          kind: 'task.next_step',
          params: withTitleParts(
            {
              task: t.title,
              opportunity: t.opportunityTitle,
              customer: t.customerName,
              rule: t.rule,
              days: t.days,
            },
            { task: t.titleParts, opportunity: t.opportunityTitleParts },
          ),
          subject: { type: 'opportunity', id: t.opportunityId },
        })),
        email,
      ),
  },
  {
    event: 'shipment.delayed',
    name: 'notifications.shipment-delayed',
    mode: 'sync',
    handle: (ctx, e) =>
      tellShipmentOwner(ctx, e, 'shipment.delayed', { eta: e.eta, promisedEta: e.promisedEta, hours: e.slipHours }),
  },
  {
    event: 'shipment.milestone_missed',
    name: 'notifications.shipment-milestone-missed',
    mode: 'sync',
    handle: (ctx, e) =>
      tellShipmentOwner(ctx, e, 'shipment.milestone_missed', { milestone: e.milestone, plannedAt: e.plannedAt }),
  },
  {
    event: 'webhook.disabled',
    name: 'notifications.webhook-disabled',
    mode: 'sync',
    handle: async (ctx, e) => {
      if (!e.createdBy) return;
      const params = { url: e.url, failures: e.failures, error: e.error };
      await notify(
        ctx,
        [{ userId: e.createdBy, kind: 'webhook.disabled', params, subject: { type: 'webhook', id: e.webhookId } }],
        email,
      );
    },
  },
];
