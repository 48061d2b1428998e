import type { CreateUserInput, User } from '@berth/domain';
import { users } from '../../db/schema';
import { AppError, isUniqueViolation } from '../../platform/app-error';
import { hashPassword } from '../../platform/auth/secrets';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { assertUserReferences } from './assert-user-references';
import { toUser } from './user-dto';

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  requireScope(ctx, 'users', 'create');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    await assertUserReferences(tx, 'create', { roleId: input.roleId, teamId: input.teamId ?? null });
    try {
      const [row] = await tx.db
        .insert(users)
        .values({
          orgId: tx.orgId,
          email: input.email,
          name: input.name,
          passwordHash,
          roleId: input.roleId,
          teamId: input.teamId ?? null,
          locale: input.locale,
        })
        .returning();
      return toUser(row as typeof users.$inferSelect);
    } catch (error) {
      if (isUniqueViolation(error, 'users_org_email_uq')) throw AppError.conflict('user.email_taken', 'email');
      throw error;
    }
  });
}
