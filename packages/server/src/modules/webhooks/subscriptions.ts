import { randomBytes } from 'node:crypto';
import {
  decodeDeliveryError,
  deliveryErrorText,
  type updateWebhookInputSchema,
  type Webhook,
  type WebhookDelivery,
  type webhookInputSchema,
} from '@berth/domain';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { enqueueJob } from '../../platform/jobs/job-runner';
import { deleteVersioned, iso, updateVersioned } from '../../platform/versioned-write';
import { checkWebhookUrl } from './network-guard';
import { webhookDeliveries, webhookSubscriptions } from './tables';

export const deliverWebhookJob = 'webhooks.deliver';
export const deliveryAttempts = 8;

type Row = typeof webhookSubscriptions.$inferSelect;

function toWebhook(row: Row, secret?: string): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    status: row.status as Webhook['status'],
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    ...(secret ? { secret } : {}),
    version: row.version,
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
  };
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

async function assertReachable(url: string, allowPrivate: boolean) {
  const verdict = await checkWebhookUrl(url, allowPrivate);
  if (verdict !== 'ok') throw AppError.validation('url', verdict);
}

const byId = (ctx: Ctx, id: string) =>
  and(eq(webhookSubscriptions.orgId, ctx.orgId), eq(webhookSubscriptions.id, id)) as ReturnType<typeof and>;

export async function listWebhooks(ctx: Ctx): Promise<{ items: Webhook[]; nextCursor: null }> {
  requireScope(ctx, 'webhooks', 'read');
  // An organisation has a handful of endpoints; the list is never paged.
  const rows = await ctx.db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.orgId, ctx.orgId))
    .orderBy(desc(webhookSubscriptions.id))
    .limit(1000);
  return { items: rows.map((row) => toWebhook(row)), nextCursor: null };
}

export async function getWebhook(ctx: Ctx, id: string): Promise<Webhook> {
  requireScope(ctx, 'webhooks', 'read');
  const [row] = await ctx.db.select().from(webhookSubscriptions).where(byId(ctx, id));
  if (!row) throw AppError.notFound();
  return toWebhook(row);
}

export async function createWebhook(
  ctx: Ctx,
  input: z.infer<typeof webhookInputSchema>,
  allowPrivate: boolean,
): Promise<Webhook> {
  requireScope(ctx, 'webhooks', 'update');
  await assertReachable(input.url, allowPrivate);
  const secret = newWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(webhookSubscriptions)
      .values({
        orgId: tx.orgId,
        url: input.url,
        description: input.description ?? null,
        events: [...new Set(input.events)],
        secret,
        createdBy: tx.userId,
      })
      .returning();
    return toWebhook(row as Row, secret);
  });
}

export async function updateWebhook(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  patch: z.infer<typeof updateWebhookInputSchema>,
  allowPrivate: boolean,
): Promise<Webhook> {
  requireScope(ctx, 'webhooks', 'update');
  if (patch.url) await assertReachable(patch.url, allowPrivate);
  return inTransaction(ctx, async (tx) => {
    const row = await updateVersioned(tx, webhookSubscriptions, byId(tx, id) as never, expected, {
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.events !== undefined ? { events: [...new Set(patch.events)] } : {}),
      // Enabling again starts the failure count afresh.
      ...(patch.status === 'active' ? { status: 'active', disabledReason: null, consecutiveFailures: 0 } : {}),
      ...(patch.status === 'disabled' ? { status: 'disabled', disabledReason: 'manual' } : {}),
    });
    return toWebhook(row);
  });
}

/** A new signing secret: deliveries from now on are signed with it; the answer shows it once. */
export async function rotateWebhookSecret(ctx: Ctx, id: string, expected: number | undefined): Promise<Webhook> {
  requireScope(ctx, 'webhooks', 'update');
  const secret = newWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    const row = await updateVersioned(tx, webhookSubscriptions, byId(tx, id) as never, expected, { secret });
    return toWebhook(row, secret);
  });
}

export async function deleteWebhook(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  requireScope(ctx, 'webhooks', 'update');
  await inTransaction(ctx, (tx) => deleteVersioned(tx, webhookSubscriptions, byId(tx, id) as never, expected));
}

function toDelivery(ctx: Ctx, row: typeof webhookDeliveries.$inferSelect): WebhookDelivery {
  const lastError = decodeDeliveryError(row.lastError);
  return {
    id: row.id,
    messageId: row.messageId,
    event: row.event,
    payload: row.payload,
    status: row.status as WebhookDelivery['status'],
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: lastError && deliveryErrorText(lastError, ctx.locale),
    lastErrorCode: lastError?.code ?? null,
    lastErrorParams: lastError?.params ?? {},
    lastAttemptAt: iso(row.lastAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    createdAt: iso(row.createdAt) as string,
  };
}

/** A subscription's delivery log, newest first, keyset-paged by id. */
export async function listDeliveries(
  ctx: Ctx,
  subscriptionId: string,
  query: { status?: WebhookDelivery['status']; limit: number; cursor?: string },
): Promise<{ items: WebhookDelivery[]; nextCursor: string | null }> {
  await getWebhook(ctx, subscriptionId);
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, ctx.orgId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        query.status ? eq(webhookDeliveries.status, query.status) : undefined,
        query.cursor ? lt(webhookDeliveries.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((row) => toDelivery(ctx, row));
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Sends a delivery again, with the same `webhook-id` (receivers de-duplicate on it) and a fresh signature. */
export async function replayDelivery(ctx: Ctx, subscriptionId: string, deliveryId: string): Promise<WebhookDelivery> {
  requireScope(ctx, 'webhooks', 'update');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(webhookDeliveries)
      .set({ status: 'pending', lastError: null })
      .where(
        and(
          eq(webhookDeliveries.orgId, tx.orgId),
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          eq(webhookDeliveries.id, deliveryId),
        ),
      )
      .returning();
    if (!row) throw AppError.notFound();
    await enqueueJob(tx.db, deliverWebhookJob, { id: row.id, replay: true }, { orgId: tx.orgId, maxAttempts: 1 });
    return toDelivery(ctx, row);
  });
}

/** For the delivery job: a pending delivery and its subscription. */
export async function deliveryWithSubscription(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(
      webhookSubscriptions,
      and(
        eq(webhookSubscriptions.orgId, webhookDeliveries.orgId),
        eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId),
      ),
    )
    .where(and(eq(webhookDeliveries.orgId, ctx.orgId), eq(webhookDeliveries.id, id)));
  return row;
}

export const failuresBeforeDisable = 5;
