import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import { idempotencyKeys } from '../../db/schema';
import { AppError } from '../app-error';
import { sha256 } from '../auth/secrets';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const replayedHeaders = ['content-type', 'etag', 'location'];
export const idempotencyKeyTtlHours = 24;

/**
 * `Idempotency-Key` on POST: the first request's response is stored and replayed for repeats
 * with the same key and body; the same key with another body is refused, and a repeat that
 * arrives while the first is still running gets 409.
 */
export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return;
    if (key.length < 1 || key.length > 200) {
      throw AppError.validation(
        'header:idempotency-key',
        'validation.too_big',
        'Idempotency-Key must be 1-200 characters',
      );
    }
    const { orgId, actorId } = request.principal;
    const requestHash = sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ orgId, actorId, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotencyKey = key;
      return;
    }
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key)));
    if (!stored) throw new AppError('idempotency.in_progress', 409);
    if (stored.requestHash !== requestHash) throw new AppError('idempotency.key_reused', 422);
    if (stored.statusCode === null) throw new AppError('idempotency.in_progress', 409);
    for (const [name, value] of Object.entries(stored.responseHeaders ?? {})) reply.header(name, value);
    reply.header('Idempotent-Replayed', 'true');
    return reply.code(stored.statusCode).send(stored.responseBody ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.principal) return payload;
    const { orgId, actorId } = request.principal;
    const where = and(
      eq(idempotencyKeys.orgId, orgId),
      eq(idempotencyKeys.actorId, actorId),
      eq(idempotencyKeys.key, key),
    );
    if (reply.statusCode >= 500) {
      // A failure on our side may be retried with the same key.
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const headers = Object.fromEntries(
      replayedHeaders.flatMap((h) => {
        const v = reply.getHeader(h);
        return v === undefined ? [] : [[h, String(v)]];
      }),
    );
    await db
      .update(idempotencyKeys)
      .set({
        statusCode: reply.statusCode,
        responseBody: typeof payload === 'string' ? payload : null,
        responseHeaders: headers,
      })
      .where(where);
    return payload;
  });
}

export async function purgeOldIdempotencyKeys(db: Db) {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - interval '1 hour' * ${idempotencyKeyTtlHours}`));
}
