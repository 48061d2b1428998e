import type { createRoleInputSchema, Permissions, Role, updateRoleInputSchema } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { roles } from '../../db/schema';
import { AppError, isForeignKeyViolation, isUniqueViolation } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { deleteVersioned, updateVersioned } from '../../platform/versioned-write';
import { assertGrantable } from './assert-grantable';
import { roleById, roleColumns, toRole } from './role-dto';

export async function createRole(ctx: Ctx, input: z.infer<typeof createRoleInputSchema>): Promise<Role> {
  requireScope(ctx, 'roles', 'create');
  assertGrantable(ctx, input.permissions);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(roles)
      .values({ orgId: tx.orgId, ...input, builtin: false })
      .returning()
      .catch((error) => {
        if (isUniqueViolation(error, 'roles_org_key_uq')) throw AppError.conflict('role.key_taken', 'key');
        throw error;
      });
    return toRole({ row: row as typeof roles.$inferSelect, userCount: 0 });
  });
}

export async function updateRole(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: z.infer<typeof updateRoleInputSchema>,
): Promise<Role> {
  return inTransaction(ctx, async (tx) => {
    const target = await lockRole(tx, 'update', id);
    if (input.permissions) {
      assertGrantable(tx, input.permissions);
      if (target?.key === 'admin') throw AppError.validation('permissions', 'role.admin_locked');
    }
    await updateVersioned(tx, roles, roleById(tx, 'update', id), expected, input);
    const [row] = await tx.db
      .select(roleColumns)
      .from(roles)
      .where(and(eq(roles.orgId, tx.orgId), eq(roles.id, id)));
    return toRole(row as { row: typeof roles.$inferSelect; userCount: number });
  });
}

/**
 * The role about to change, locked, after checking the actor holds every right it grants now: as
 * for users, nobody alters a role stronger than their own (narrowing `sales_rep`, which most staff
 * hold, is as much a change of their rights as widening it). Null when it is not in scope (the
 * versioned write answers 404).
 */
async function lockRole(ctx: Ctx, action: 'update' | 'delete', id: string) {
  const [target] = await ctx.db
    .select({ key: roles.key, builtin: roles.builtin, permissions: roles.permissions })
    .from(roles)
    .where(roleById(ctx, action, id))
    .for('update');
  if (target) assertGrantable(ctx, target.permissions as Permissions);
  return target ?? null;
}

/** Built-in roles stay; a custom role still given to users or API keys cannot be deleted. */
export async function deleteRole(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const target = await lockRole(tx, 'delete', id);
    if (target?.builtin) throw new AppError('role.builtin_readonly', 409);
    await deleteVersioned(tx, roles, roleById(tx, 'delete', id), expected).catch((error) => {
      if (isForeignKeyViolation(error)) throw new AppError('conflict.in_use', 409);
      throw error;
    });
  });
}
