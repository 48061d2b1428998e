import { pickLocale } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { Db } from '../../db/database';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope, systemCtx } from '../../platform/context';
import { iso } from '../../platform/versioned-write';
import { ingestShipmentEvents, upsertShipments } from '../shipments';
import { newWebhookSecret } from './subscriptions';
import { inboundHooks } from './tables';

export interface InboundHook {
  id: string;
  source: string;
  /** Where the system pushes: the path, with the organisation named in the query. */
  url: string;
  status: string;
  secret?: string;
  lastReceivedAt: string | null;
  createdAt: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toHook(row: typeof inboundHooks.$inferSelect, secret?: string): InboundHook {
  return {
    id: row.id,
    source: row.source,
    url: `/api/hooks/shipments/${row.source}?org=${row.orgId}`,
    status: row.status,
    ...(secret ? { secret } : {}),
    lastReceivedAt: iso(row.lastReceivedAt),
    createdAt: iso(row.createdAt) as string,
  };
}

/** Registers a pushing system for a source: answers the URL and the secret (shown once) to configure there. */
export async function createInboundHook(ctx: Ctx, source: string): Promise<InboundHook> {
  requireScope(ctx, 'webhooks', 'update');
  const secret = newWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    // A new secret for a source replaces the old one: rotating is registering again.
    await tx.db
      .update(inboundHooks)
      .set({ status: 'replaced', version: sql`${inboundHooks.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(inboundHooks.orgId, tx.orgId), eq(inboundHooks.source, source), eq(inboundHooks.status, 'active')));
    const [row] = await tx.db
      .insert(inboundHooks)
      .values({ orgId: tx.orgId, source, secret, createdBy: tx.userId })
      .returning();
    return toHook(row as typeof inboundHooks.$inferSelect, secret);
  });
}

export async function listInboundHooks(ctx: Ctx): Promise<{ items: InboundHook[]; nextCursor: null }> {
  requireScope(ctx, 'webhooks', 'read');
  const rows = await ctx.db
    .select()
    .from(inboundHooks)
    .where(and(eq(inboundHooks.orgId, ctx.orgId), eq(inboundHooks.status, 'active')))
    .limit(1000);
  return { items: rows.map((row) => toHook(row)), nextCursor: null };
}

/**
 * A push from a source system: `{ shipments?: [...], events?: [...] }` signed with the source's secret (Standard
 * Webhooks: `webhook-id`, `webhook-timestamp` within 5 minutes, `webhook-signature`). Verified over the raw body
 * before anything is parsed; then the same batch and event paths as the API, as the source writing across the
 * organisation. An unknown organisation or source and a bad signature get the same 401, so the hook says nothing
 * about which organisations exist.
 */
export async function receiveShipmentPush(
  db: Db,
  input: {
    orgId: string | undefined;
    source: string;
    rawBody: string;
    headers: Record<string, unknown>;
    acceptLanguage?: string;
  },
) {
  const refused = new AppError('webhook.signature_invalid', 401);
  if (!input.orgId || !uuid.test(input.orgId)) throw refused;
  const [hook] = await db
    .select()
    .from(inboundHooks)
    .where(
      and(
        eq(inboundHooks.orgId, input.orgId),
        eq(inboundHooks.source, input.source),
        eq(inboundHooks.status, 'active'),
      ),
    );
  if (!hook) throw refused;
  let body: unknown;
  try {
    const headers = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(input.headers[name] ?? '')]),
    );
    body = new Webhook(hook.secret).verify(input.rawBody, headers);
  } catch (error) {
    if (error instanceof WebhookVerificationError || error instanceof SyntaxError) throw refused;
    throw error;
  }
  const push = (body ?? {}) as { shipments?: unknown; events?: unknown };
  const shipments = Array.isArray(push.shipments) ? push.shipments : [];
  const events = Array.isArray(push.events) ? push.events : [];
  if (shipments.length > 1000) throw AppError.validation('shipments', 'webhook.push_too_large');
  if (events.length > 5000) throw AppError.validation('events', 'webhook.push_too_large');
  const ctx: Ctx = {
    ...systemCtx(db, hook.orgId, { locale: pickLocale(input.acceptLanguage) }),
    permissions: { shipments: { read: 'org', create: 'org', update: 'org' } },
  };
  // Every item names its source; a push may only write its own.
  const own = <T>(items: T[]) =>
    items.map((item) => (item && typeof item === 'object' ? { ...item, source: input.source } : item));
  const result = {
    shipments: shipments.length > 0 ? (await upsertShipments(ctx, own(shipments))).items : [],
    events: events.length > 0 ? (await ingestShipmentEvents(ctx, own(events))).items : [],
  };
  await db
    .update(inboundHooks)
    .set({ lastReceivedAt: sql`now()` })
    .where(and(eq(inboundHooks.orgId, hook.orgId), eq(inboundHooks.id, hook.id)));
  return result;
}
