import type { ListQuery, Page, Role } from '@berth/domain';
import { and } from 'drizzle-orm';
import { roles } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { roleById, roleColumns, toRole } from './role-dto';

export async function findRoles(ctx: Ctx, query: ListQuery): Promise<Page<Role>> {
  const keyset = { sort: roles.id, id: roles.id, direction: 'asc' as const, cursor: query.cursor };
  const rows = await ctx.db
    .select(roleColumns)
    .from(roles)
    .where(and(scopeWhere(ctx, 'roles', 'read', { orgId: roles.orgId }), afterCursor(keyset)))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.row.id, r.row.id], toRole);
}

export async function getRole(ctx: Ctx, id: string): Promise<Role> {
  const [row] = await ctx.db
    .select(roleColumns)
    .from(roles)
    .where(roleById(ctx, 'read', id));
  if (!row) throw AppError.notFound();
  return toRole(row);
}
