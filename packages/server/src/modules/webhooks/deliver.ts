import http from 'node:http';
import https from 'node:https';
import { encodeDeliveryError } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../../db/database';
import { inTransaction, systemCtx } from '../../platform/context';
import type { AppDeps } from '../../platform/deps';
import { emit } from '../../platform/events';
import type { Job } from '../../platform/jobs/job-runner';
import { DeliveryTimeoutError, deliveryFailure, httpStatusFailure } from './delivery-failure';
import { guardedLookup } from './network-guard';
import { deliveryWithSubscription, failuresBeforeDisable } from './subscriptions';
import { webhookDeliveries, webhookSubscriptions } from './tables';

const timeoutMs = 10_000;

/** POSTs the body with the Standard Webhooks headers; resolves with the status code (any code). */
function post(url: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<number> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Berth-Webhooks/1', ...headers },
        lookup: guardedLookup(allowPrivate) as never,
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('timeout', () => request.destroy(new DeliveryTimeoutError(timeoutMs / 1000)));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Sends one delivery. A 2xx is delivered; anything else (or no answer) is retried by the job runner with backoff;
 * after the last attempt the delivery is failed, and a subscription whose deliveries failed for good
 * `failuresBeforeDisable` times in a row is disabled and its creator told.
 */
export async function deliverWebhook(job: Job, db: Db, deps: AppDeps): Promise<void> {
  const ctx = systemCtx(db, job.orgId as string);
  const found = await deliveryWithSubscription(ctx, job.payload.id as string);
  if (!found) return;
  const { delivery, subscription } = found;
  if (delivery.status === 'delivered' && !job.payload.replay) return;
  const where = and(eq(webhookDeliveries.orgId, ctx.orgId), eq(webhookDeliveries.id, delivery.id));
  if (subscription.status !== 'active' && !job.payload.replay) {
    await db
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: encodeDeliveryError('delivery.webhook_disabled') })
      .where(where);
    return;
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = new Date();
  const signature = new Webhook(subscription.secret).sign(delivery.messageId, timestamp, body);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await post(
      subscription.url,
      body,
      {
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      deps.config.WEBHOOKS_ALLOW_PRIVATE_NETWORK,
    );
    if (statusCode < 200 || statusCode > 299) error = httpStatusFailure(statusCode);
  } catch (failure) {
    error = deliveryFailure(failure, subscription.url);
  }
  const attemptFields = {
    attempts: sql`${webhookDeliveries.attempts} + 1`,
    lastAttemptAt: timestamp,
    lastStatusCode: statusCode,
  };
  const subscriptionWhere = and(
    eq(webhookSubscriptions.orgId, ctx.orgId),
    eq(webhookSubscriptions.id, subscription.id),
  );
  if (!error) {
    await db
      .update(webhookDeliveries)
      .set({ ...attemptFields, status: 'delivered', deliveredAt: timestamp, lastError: null })
      .where(where);
    if (subscription.consecutiveFailures > 0) {
      await db.update(webhookSubscriptions).set({ consecutiveFailures: 0 }).where(subscriptionWhere);
    }
    return;
  }
  const final = job.attempts >= job.maxAttempts;
  await db
    .update(webhookDeliveries)
    .set({ ...attemptFields, status: final ? 'failed' : 'pending', lastError: error })
    .where(where);
  if (!final) throw new Error(`webhook delivery failed: ${error}`);
  const [updated] = await db
    .update(webhookSubscriptions)
    .set({ consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1` })
    .where(subscriptionWhere)
    .returning();
  if (updated && updated.status === 'active' && updated.consecutiveFailures >= failuresBeforeDisable) {
    // Disabled and announced together: the notice exists only if the subscription was disabled.
    await inTransaction(ctx, async (tx) => {
      await tx.db
        .update(webhookSubscriptions)
        .set({ status: 'disabled', disabledReason: 'failures' })
        .where(subscriptionWhere);
      await emit(tx, 'webhook.disabled', {
        webhookId: updated.id,
        url: updated.url,
        failures: updated.consecutiveFailures,
        error,
        createdBy: updated.createdBy,
      });
    });
  }
}
