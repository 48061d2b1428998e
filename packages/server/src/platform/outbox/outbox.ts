import { encodeDeliveryError } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { outbox } from '../../db/schema';
import type { Ctx } from '../context';
import { enqueueJob, type Job, type JobRunner } from '../jobs/job-runner';
import type { Mailer } from './mailer';

export const deliverJob = 'outbox.deliver';
export const deliveryAttempts = 8;

/**
 * Queues an email in the same transaction as the change that causes it; it is sent after
 * commit by a durable job, retried with backoff until the SMTP server accepts it.
 */
export async function queueEmail(ctx: Ctx, message: { to: string; subject: string; body: string }): Promise<string> {
  const [row] = await ctx.db
    .insert(outbox)
    .values({ orgId: ctx.orgId, channel: 'email', recipient: message.to, subject: message.subject, body: message.body })
    .returning({ id: outbox.id });
  const id = (row as { id: string }).id;
  await enqueueJob(ctx.db, deliverJob, { id }, { orgId: ctx.orgId, maxAttempts: deliveryAttempts });
  return id;
}

export function registerOutboxDelivery(runner: JobRunner, mailer: Mailer) {
  runner.register(deliverJob, (job, db) => deliver(job, db, mailer));
}

async function deliver(job: Job, db: Db, mailer: Mailer) {
  const orgId = job.orgId as string;
  const id = job.payload.id as string;
  const where = and(eq(outbox.orgId, orgId), eq(outbox.id, id));
  const [message] = await db.select().from(outbox).where(where);
  if (!message || message.status === 'sent') return;
  if (!mailer.configured) {
    await db
      .update(outbox)
      .set({ status: 'held', lastError: encodeDeliveryError('delivery.smtp_not_configured') })
      .where(where);
    return;
  }
  try {
    await mailer.send({ to: message.recipient, subject: message.subject, text: message.body });
    await db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date(), attempts: message.attempts + 1, lastError: null })
      .where(where);
  } catch (error) {
    const lastAttempt = job.attempts >= job.maxAttempts;
    await db
      .update(outbox)
      .set({
        status: lastAttempt ? 'failed' : 'pending',
        attempts: message.attempts + 1,
        lastError: encodeDeliveryError('delivery.smtp_failed', {
          detail: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        }),
      })
      .where(where);
    throw error;
  }
}
