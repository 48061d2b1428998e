import type { apiKeySchema, createApiKeyInputSchema, createdApiKeySchema, ListQuery, Page } from '@berth/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { apiKeys } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { formatApiKey } from '../../platform/auth/credentials';
import { randomToken, sha256 } from '../../platform/auth/secrets';
import { type Ctx, inTransaction } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { afterCursor, type KeysetOptions, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { assertGrantable, permissionsOfRole } from '../roles';

type ApiKey = z.infer<typeof apiKeySchema>;

const inScope = (ctx: Ctx, action: string) =>
  scopeWhere(ctx, 'apiKeys', action, { orgId: apiKeys.orgId, owner: apiKeys.createdBy });

function toApiKey(row: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: row.id,
    name: row.name,
    roleId: row.roleId,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  };
}

/** API keys, newest first, page by page. */
export async function findApiKeys(ctx: Ctx, query: ListQuery): Promise<Page<ApiKey>> {
  const keyset: KeysetOptions = { sort: apiKeys.id, id: apiKeys.id, direction: 'desc', cursor: query.cursor };
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(and(inScope(ctx, 'read'), afterCursor(keyset)))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.id, r.id], toApiKey);
}

/** The secret is returned once; only its hash is kept. The key acts with its role's permissions. */
export async function createApiKey(
  ctx: Ctx,
  input: z.infer<typeof createApiKeyInputSchema>,
): Promise<z.infer<typeof createdApiKeySchema>> {
  inScope(ctx, 'create');
  return inTransaction(ctx, async (tx) => {
    const permissions = await permissionsOfRole(tx, input.roleId);
    if (!permissions) throw AppError.validation('roleId', 'reference.invalid');
    assertGrantable(tx, permissions);
    const secret = randomToken();
    const [row] = await tx.db
      .insert(apiKeys)
      .values({
        orgId: tx.orgId,
        name: input.name,
        roleId: input.roleId,
        prefix: secret.slice(0, 6),
        secretHash: sha256(secret),
        createdBy: tx.userId,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      })
      .returning();
    const key = row as typeof apiKeys.$inferSelect;
    return { ...toApiKey(key), secret: formatApiKey(tx.orgId, key.id, secret) };
  });
}

export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(inScope(tx, 'delete'), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (rows.length === 0) throw AppError.notFound();
  });
}
