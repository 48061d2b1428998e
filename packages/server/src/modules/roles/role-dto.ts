import type { Permissions, Role } from '@berth/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { roles } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';

export function roleById(ctx: Ctx, action: string, id: string): SQL {
  return and(scopeWhere(ctx, 'roles', action, { orgId: roles.orgId }), eq(roles.id, id)) as SQL;
}

export const roleColumns = {
  row: roles,
  // Qualified by table name: inside the subquery an unqualified "id" would be the user's.
  userCount: sql<number>`(select count(*)::int from users u where u.org_id = roles.org_id and u.role_id = roles.id)`,
};

export function toRole(r: { row: typeof roles.$inferSelect; userCount: number }): Role {
  return {
    id: r.row.id,
    key: r.row.key,
    name: r.row.name,
    nameEn: r.row.nameEn,
    description: r.row.description,
    builtin: r.row.builtin,
    permissions: r.row.permissions as Permissions as Role['permissions'],
    userCount: Number(r.userCount),
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
    version: r.row.version,
  };
}
