import type {
  bulkTagInputSchema,
  createTagInputSchema,
  ListQuery,
  Page,
  Tag,
  updateTagInputSchema,
} from '@berth/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { auditLog } from '../../db/schema';
import { AppError, isUniqueViolation } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { afterCursor, type KeysetOptions, orderByKeyset, toPage } from '../../platform/http/keyset';
import { deleteVersioned, updateVersioned } from '../../platform/versioned-write';
import { customersInScope } from './customer-scope';
import { customers, customerTags, tags } from './tables';

const tagsOf = (ctx: Ctx, action: string) => scopeWhere(ctx, 'tags', action, { orgId: tags.orgId });

const tagColumns = {
  row: tags,
  customerCount: sql<number>`(select count(*)::int from customer_tags ct where ct.org_id = tags.org_id and ct.tag_id = tags.id)`,
};

function toTag(r: { row: typeof tags.$inferSelect; customerCount: number }): Tag {
  return {
    id: r.row.id,
    name: r.row.name,
    color: r.row.color,
    group: r.row.groupName,
    customerCount: Number(r.customerCount),
    version: r.row.version,
  };
}

function mapTagErrors(error: unknown): never {
  if (isUniqueViolation(error, 'tags_org_name_uq')) throw AppError.conflict('tag.name_taken', 'name');
  throw error;
}

/** Tags by name (unique in the organisation), page by page; the console groups them by their group. */
export async function findTags(ctx: Ctx, query: ListQuery): Promise<Page<Tag>> {
  const keyset: KeysetOptions = { sort: tags.name, id: tags.id, direction: 'asc', cursor: query.cursor };
  const rows = await ctx.db
    .select(tagColumns)
    .from(tags)
    .where(and(tagsOf(ctx, 'read'), afterCursor(keyset)))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.row.name, r.row.id], toTag);
}

export async function createTag(ctx: Ctx, input: z.infer<typeof createTagInputSchema>): Promise<Tag> {
  requireScope(ctx, 'tags', 'create');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(tags)
      .values({ orgId: tx.orgId, name: input.name, color: input.color, groupName: input.group ?? null })
      .returning()
      .catch(mapTagErrors);
    return toTag({ row: row as typeof tags.$inferSelect, customerCount: 0 });
  });
}

export async function updateTag(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: z.infer<typeof updateTagInputSchema>,
): Promise<Tag> {
  return inTransaction(ctx, async (tx) => {
    const { group, ...rest } = input;
    const patch = group === undefined ? rest : { ...rest, groupName: group };
    const where = and(tagsOf(tx, 'update'), eq(tags.id, id));
    await updateVersioned(tx, tags, where as never, expected, patch).catch(mapTagErrors);
    const [row] = await tx.db.select(tagColumns).from(tags).where(where);
    return toTag(row as { row: typeof tags.$inferSelect; customerCount: number });
  });
}

export async function deleteTag(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, (tx) =>
    deleteVersioned(tx, tags, and(tagsOf(tx, 'delete'), eq(tags.id, id)) as never, expected),
  );
}

/**
 * Adds and removes tags on a selection of customers in one transaction. Customers outside the
 * actor's update scope are left out and counted, never changed.
 */
export async function bulkTagCustomers(
  ctx: Ctx,
  input: z.infer<typeof bulkTagInputSchema>,
): Promise<{ updated: number; skipped: number }> {
  return inTransaction(ctx, async (tx) => {
    const allowed = await tx.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(customersInScope(tx, 'update'), inArray(customers.id, input.customerIds)));
    const ids = allowed.map((c) => c.id);
    const tagIds = [...input.add, ...input.remove];
    if (tagIds.length > 0) {
      const known = await tx.db
        .select({ id: tags.id })
        .from(tags)
        .where(and(eq(tags.orgId, tx.orgId), inArray(tags.id, tagIds)));
      if (known.length !== new Set(tagIds).size) throw AppError.validation('add', 'reference.invalid');
    }
    if (ids.length > 0 && input.add.length > 0) {
      await tx.db
        .insert(customerTags)
        .values(ids.flatMap((customerId) => input.add.map((tagId) => ({ orgId: tx.orgId, customerId, tagId }))))
        .onConflictDoNothing();
    }
    if (ids.length > 0 && input.remove.length > 0) {
      await tx.db
        .delete(customerTags)
        .where(
          and(
            eq(customerTags.orgId, tx.orgId),
            inArray(customerTags.customerId, ids),
            inArray(customerTags.tagId, input.remove),
          ),
        );
    }
    if (ids.length > 0 && tagIds.length > 0) {
      // Tag changes belong on each customer's history.
      await tx.db.insert(auditLog).values(
        ids.map((customerId) => ({
          orgId: tx.orgId,
          actorId: tx.actor.id,
          actorType: tx.actor.type,
          action: 'tag',
          entity: 'customers',
          entityId: customerId,
          meta: { add: input.add, remove: input.remove },
          ip: tx.ip ?? null,
          requestId: tx.requestId ?? null,
        })),
      );
    }
    return { updated: ids.length, skipped: new Set(input.customerIds).size - ids.length };
  });
}
