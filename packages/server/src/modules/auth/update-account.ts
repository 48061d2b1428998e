import type { changePasswordInputSchema, updateProfileInputSchema } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { hashPassword, verifyPassword } from '../../platform/auth/secrets';
import { type Ctx, inTransaction } from '../../platform/context';
import { revokeOtherSessions } from './sessions';

const mine = (ctx: Ctx) => and(eq(users.orgId, ctx.orgId), eq(users.id, ctx.userId as string));

/** A new password ends every other session of the user; this one stays signed in. */
export async function changePassword(
  ctx: Ctx,
  currentSessionId: string | null,
  input: z.infer<typeof changePasswordInputSchema>,
): Promise<void> {
  const [user] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(mine(ctx));
  if (!user || !(await verifyPassword(user.hash, input.currentPassword))) {
    throw AppError.validation('currentPassword', 'auth.wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(mine(tx));
    await revokeOtherSessions(tx, currentSessionId);
  });
}

export async function updateProfile(ctx: Ctx, input: z.infer<typeof updateProfileInputSchema>): Promise<void> {
  if (Object.keys(input).length === 0) return;
  await inTransaction(ctx, (tx) =>
    tx.db
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(mine(tx)),
  );
}
