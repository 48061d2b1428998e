import type { LoginInput } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/secrets';

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * Checks email and password. The email may exist in several organisations; the password
 * picks the account. Repeated failures lock an account for a while (423), and the answer
 * for a wrong password and an unknown email is the same 401. While locked, an account's
 * password is not checked at all, so a right guess and a wrong one get the same 423.
 */
export async function signIn(
  db: Db,
  input: LoginInput,
  policy: LockoutPolicy,
  client: { ip?: string; requestId?: string },
): Promise<{ orgId: string; userId: string }> {
  const candidates = await db.select().from(users).where(eq(users.email, input.email)).limit(20);
  if (candidates.length === 0) {
    await burnPasswordCheck(input.password);
    throw new AppError('auth.invalid_credentials', 401);
  }
  const now = new Date();
  const isLocked = (user: (typeof candidates)[number]) => Boolean(user.lockedUntil && user.lockedUntil > now);
  for (const user of candidates) {
    if (isLocked(user) || !(await verifyPassword(user.passwordHash, input.password))) continue;
    const audit = { orgId: user.orgId, actor: { type: 'user' as const, id: user.id }, db, ...client };
    if (user.status !== 'active') throw new AppError('auth.disabled', 403);
    await db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
    await recordEvent(audit, { action: 'login', entity: 'users', entityId: user.id });
    return { orgId: user.orgId, userId: user.id };
  }
  for (const user of candidates) {
    if (isLocked(user)) continue;
    const [updated] = await db
      .update(users)
      .set({
        failedLogins: sql`case when ${users.failedLogins} + 1 >= ${policy.maxFailures} then 0 else ${users.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${policy.maxFailures}
                              then now() + interval '1 minute' * ${policy.lockMinutes} else null end`,
      })
      .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)))
      .returning({ lockedUntil: users.lockedUntil });
    await recordEvent(
      { orgId: user.orgId, actor: { type: 'system', id: null }, db, ...client },
      { action: updated?.lockedUntil ? 'locked' : 'login_failed', entity: 'users', entityId: user.id },
    );
  }
  const locked = candidates.filter(isLocked);
  for (const user of locked) {
    await recordEvent(
      { orgId: user.orgId, actor: { type: 'system', id: null }, db, ...client },
      { action: 'login_refused', entity: 'users', entityId: user.id, meta: { reason: 'locked' } },
    );
  }
  if (locked.length > 0) throw new AppError('auth.locked', 423);
  throw new AppError('auth.invalid_credentials', 401);
}
