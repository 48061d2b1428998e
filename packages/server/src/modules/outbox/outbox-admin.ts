import {
  decodeDeliveryError,
  deliveryErrorText,
  type OutboxMessage,
  type outboxListQuerySchema,
  type Page,
} from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { outbox } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { enqueueJob } from '../../platform/jobs/job-runner';
import { deliverJob, deliveryAttempts } from '../../platform/outbox/outbox';
import { iso } from '../../platform/versioned-write';

const inScope = (ctx: Ctx, action: string) => scopeWhere(ctx, 'outbox', action, { orgId: outbox.orgId });

function toMessage(ctx: Ctx, row: typeof outbox.$inferSelect): OutboxMessage {
  const lastError = decodeDeliveryError(row.lastError);
  return {
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status as OutboxMessage['status'],
    attempts: row.attempts,
    lastError: lastError && deliveryErrorText(lastError, ctx.locale),
    lastErrorCode: lastError?.code ?? null,
    lastErrorParams: lastError?.params ?? {},
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
    version: row.version,
  };
}

export async function findOutboxMessages(
  ctx: Ctx,
  query: z.infer<typeof outboxListQuerySchema>,
): Promise<Page<OutboxMessage>> {
  const keyset = { sort: outbox.id, id: outbox.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(and(inScope(ctx, 'read'), afterCursor(keyset), query.status ? eq(outbox.status, query.status) : undefined))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => toMessage(ctx, r),
  );
}

/** Sends a held or failed message again (e.g. after SMTP has been configured). */
export async function retryOutboxMessage(ctx: Ctx, id: string): Promise<OutboxMessage> {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(outbox)
      .set({ status: 'pending', lastError: null })
      .where(and(inScope(tx, 'update'), eq(outbox.id, id), inArray(outbox.status, ['held', 'failed'])))
      .returning();
    if (!row) {
      const [exists] = await tx.db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(inScope(tx, 'read'), eq(outbox.id, id)));
      throw exists
        ? AppError.validation('status', 'validation.invalid_value', 'only held or failed messages can be retried')
        : AppError.notFound();
    }
    await enqueueJob(tx.db, deliverJob, { id }, { orgId: tx.orgId, maxAttempts: deliveryAttempts });
    return toMessage(tx, row);
  });
}
