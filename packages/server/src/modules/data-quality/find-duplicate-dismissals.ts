import type { DuplicateDismissalItem, duplicateDismissalQuerySchema, Page } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { groupMembers, inScope, toDuplicateDismissal } from './customer-data-quality';
import { dismissalsWithin } from './dismissal-scope';
import { duplicateDismissals } from './tables';

/**
 * The "not duplicates" decisions on customers the caller may see here, newest first, with who
 * made them and the customers concerned, so a reviewer can find one again and undo it.
 */
export async function findDuplicateDismissals(
  ctx: Ctx,
  query: z.infer<typeof duplicateDismissalQuerySchema>,
): Promise<Page<DuplicateDismissalItem>> {
  const keyset = {
    sort: duplicateDismissals.id,
    id: duplicateDismissals.id,
    direction: 'desc' as const,
    cursor: query.cursor,
  };
  const rows = await ctx.db
    .select()
    .from(duplicateDismissals)
    .where(
      and(
        dismissalsWithin(ctx, inScope(ctx)),
        query.kind ? eq(duplicateDismissals.kind, query.kind) : undefined,
        afterCursor(keyset),
      ),
    )
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const memberIds = rows.slice(0, query.limit).flatMap((r) => r.customerIds);
  const members = await groupMembers(ctx, memberIds);
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => ({ ...toDuplicateDismissal(r), customers: r.customerIds.flatMap((id) => members.get(id) ?? []) }),
  );
}
