import { builtinRoles, resources, type SetupInput } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { organizations, roles, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { hashPassword } from '../../platform/auth/secrets';
import { inTransaction, systemCtx } from '../../platform/context';

/**
 * Creates a tenant with the built-in roles and its first administrator.
 * With `onlyIfFirst`, it refuses once any organisation exists (the first-run setup).
 */
export async function createOrganization(
  db: Db,
  input: SetupInput,
  options: { onlyIfFirst: boolean },
): Promise<{ orgId: string; adminId: string }> {
  const passwordHash = await hashPassword(input.admin.password);
  return inTransaction(systemCtx(db, '00000000-0000-0000-0000-000000000000'), async (tx) => {
    // Serialises concurrent setups so exactly one can be the first.
    await tx.db.execute(sql`select pg_advisory_xact_lock(7346001)`);
    if (options.onlyIfFirst) {
      const existing = await tx.db.select({ id: organizations.id }).from(organizations).limit(1);
      if (existing.length > 0) throw new AppError('setup.already_done', 409);
    }
    const [org] = await tx.db.insert(organizations).values({ name: input.organization.name }).returning();
    const orgId = (org as { id: string }).id;
    const created = await tx.db
      .insert(roles)
      .values(
        builtinRoles.map((r) => ({
          orgId,
          key: r.key,
          name: r.name,
          nameEn: r.nameEn,
          builtin: true,
          permissions: r.permissions,
          builtinResources: resources,
        })),
      )
      .returning({ id: roles.id, key: roles.key });
    const adminRole = created.find((r) => r.key === 'admin') as { id: string };
    const [admin] = await tx.db
      .insert(users)
      .values({ orgId, email: input.admin.email, name: input.admin.name, passwordHash, roleId: adminRole.id })
      .returning({ id: users.id });
    // Default sales stages, lost reasons and next-step rules (defined with the migration that made them).
    await tx.db.execute(sql`select berth_default_pipeline(${orgId})`);
    return { orgId, adminId: (admin as { id: string }).id };
  });
}

export async function isSetupRequired(db: Db): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length === 0;
}
