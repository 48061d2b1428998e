import type { UpdateUserInput, User } from '@berth/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { AppError, isUniqueViolation } from '../../platform/app-error';
import { hashPassword } from '../../platform/auth/secrets';
import { type Ctx, inTransaction } from '../../platform/context';
import { updateVersioned } from '../../platform/versioned-write';
import { assertGrantable, permissionsOfRole } from '../roles';
import { assertUserReferences } from './assert-user-references';
import { toUser } from './user-dto';
import { userById } from './user-scope';

export async function updateUser(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateUserInput,
): Promise<User> {
  if (id === ctx.userId && input.status === 'disabled') throw AppError.validation('status', 'user.cannot_disable_self');
  const { password, unlock, ...fields } = input;
  const patch: Record<string, unknown> = { ...fields };
  if (password) {
    patch.passwordHash = await hashPassword(password);
    patch.passwordChangedAt = new Date();
  }
  if (unlock) Object.assign(patch, { failedLogins: 0, lockedUntil: null });
  return inTransaction(ctx, async (tx) => {
    // Only users whose role the actor could grant may be changed: no password reset of an administrator.
    const [target] = await tx.db
      .select({ roleId: users.roleId })
      .from(users)
      .where(userById(tx, 'update', id));
    const targetPermissions = target ? await permissionsOfRole(tx, target.roleId) : null;
    if (targetPermissions) assertGrantable(tx, targetPermissions);
    await assertUserReferences(tx, 'update', { roleId: input.roleId, teamId: input.teamId });
    try {
      const row = await updateVersioned(tx, users, userById(tx, 'update', id), expected, patch);
      if (password || input.status === 'disabled') {
        // A reset password or a disabled account ends every open session of that user.
        await tx.db
          .update(sessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(sessions.orgId, tx.orgId), eq(sessions.userId, id), isNull(sessions.revokedAt)));
      }
      return toUser(row);
    } catch (error) {
      if (isUniqueViolation(error, 'users_org_email_uq')) throw AppError.conflict('user.email_taken', 'email');
      throw error;
    }
  });
}
