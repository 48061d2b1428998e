import type { Page, User, userListQuerySchema } from '@berth/domain';
import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { toUser } from './user-dto';
import { usersInScope } from './user-scope';

export async function findUsers(ctx: Ctx, query: z.infer<typeof userListQuerySchema>): Promise<Page<User>> {
  const keyset = { sort: users.id, id: users.id, direction: 'asc' as const, cursor: query.cursor };
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const conditions: (SQL | undefined)[] = [
    usersInScope(ctx, 'read'),
    afterCursor(keyset),
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    query.teamId ? eq(users.teamId, query.teamId) : undefined,
    query.roleId ? eq(users.roleId, query.roleId) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.id, r.id], toUser);
}
