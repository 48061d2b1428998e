import type { SessionInfo } from '@berth/domain';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { sessions } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { formatSessionToken } from '../../platform/auth/credentials';
import { randomToken, sha256 } from '../../platform/auth/secrets';
import type { Ctx } from '../../platform/context';

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function openSession(
  db: Executor,
  who: { orgId: string; userId: string; ip?: string; userAgent?: string },
  idleHours: number,
): Promise<NewSession> {
  const secret = randomToken();
  const csrfToken = randomToken();
  const [row] = await db
    .insert(sessions)
    .values({
      orgId: who.orgId,
      userId: who.userId,
      secretHash: sha256(secret),
      csrfToken,
      ip: who.ip ?? null,
      userAgent: who.userAgent?.slice(0, 300) ?? null,
      expiresAt: sql`now() + interval '1 hour' * ${idleHours}`,
    })
    .returning({ id: sessions.id });
  return { token: formatSessionToken(who.orgId, (row as { id: string }).id, secret), csrfToken };
}

export async function revokeSession(db: Executor, orgId: string, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every other session of the user, e.g. after a password change. */
export async function revokeOtherSessions(ctx: Ctx, keepSessionId: string | null): Promise<void> {
  await ctx.db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.orgId, ctx.orgId),
        eq(sessions.userId, ctx.userId as string),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    );
}

export async function listMySessions(ctx: Ctx, currentSessionId: string | null): Promise<SessionInfo[]> {
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.orgId, ctx.orgId),
        eq(sessions.userId, ctx.userId as string),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === currentSessionId,
  }));
}

export async function revokeMySession(ctx: Ctx, sessionId: string): Promise<void> {
  const rows = await ctx.db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.orgId, ctx.orgId),
        eq(sessions.id, sessionId),
        eq(sessions.userId, ctx.userId as string),
        isNull(sessions.revokedAt),
      ),
    )
    .returning({ id: sessions.id });
  if (rows.length === 0) throw AppError.notFound();
}
