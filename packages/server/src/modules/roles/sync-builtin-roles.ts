import { builtinRoles, fullPermissions, type Permissions, resources } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { roles } from '../../db/schema';
import { inTransaction, systemCtx } from '../../platform/context';

/**
 * When a release adds resources, built-in roles of existing organisations get the new defaults
 * for those resources only; what an administrator changed on older resources stays as it is.
 * The administrator role always has every permission.
 */
export async function syncBuiltinRoles(db: Db): Promise<number> {
  const rows = await db
    .select({
      orgId: roles.orgId,
      id: roles.id,
      key: roles.key,
      permissions: roles.permissions,
      done: roles.builtinResources,
    })
    .from(roles)
    .where(eq(roles.builtin, true));
  let changed = 0;
  for (const row of rows) {
    const missing = resources.filter((r) => !row.done.includes(r));
    if (missing.length === 0) continue;
    const defaults: Permissions =
      row.key === 'admin' ? fullPermissions() : (builtinRoles.find((r) => r.key === row.key)?.permissions ?? {});
    const permissions: Permissions = { ...row.permissions };
    for (const resource of missing) {
      const granted = defaults[resource];
      if (granted) permissions[resource] = granted;
    }
    await inTransaction(systemCtx(db, row.orgId), (tx) =>
      tx.db
        .update(roles)
        .set({ permissions, builtinResources: resources })
        .where(and(eq(roles.orgId, row.orgId), eq(roles.id, row.id))),
    );
    changed++;
  }
  return changed;
}
