import type { Permissions } from '@berth/domain';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database';
import { apiKeys, roles, sessions, users } from '../../db/schema';
import type { ParsedCredential } from './credentials';
import { safeEqual, sha256 } from './secrets';

export interface Principal {
  orgId: string;
  kind: 'session' | 'apiKey';
  credentialId: string;
  userId: string | null;
  actorId: string;
  csrfToken: string | null;
  permissions: Permissions;
  teamIds: string[];
  touchedAt: Date;
}

/** Loads an active session with its user and role in one query, or null. */
export async function loadSessionPrincipal(db: Executor, cred: ParsedCredential): Promise<Principal | null> {
  const [row] = await db
    .select({
      secretHash: sessions.secretHash,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      teamId: users.teamId,
      lastSeenAt: sessions.lastSeenAt,
      permissions: roles.permissions,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.orgId, sessions.orgId), eq(users.id, sessions.userId)))
    .innerJoin(roles, and(eq(roles.orgId, users.orgId), eq(roles.id, users.roleId)))
    .where(
      and(
        eq(sessions.orgId, cred.orgId),
        eq(sessions.id, cred.id),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.status, 'active'),
      ),
    );
  if (!row || !safeEqual(row.secretHash, sha256(cred.secret))) return null;
  return {
    orgId: cred.orgId,
    kind: 'session',
    credentialId: cred.id,
    userId: row.userId,
    actorId: row.userId,
    csrfToken: row.csrfToken,
    permissions: row.permissions as Permissions,
    teamIds: usesTeamScope(row.permissions) ? await teamIdsOf(db, cred.orgId, row.userId) : [],
    touchedAt: row.lastSeenAt,
  };
}

/** Loads an active API key with its role; its data scope "own" is the user who created it. */
export async function loadApiKeyPrincipal(db: Executor, cred: ParsedCredential): Promise<Principal | null> {
  const [row] = await db
    .select({
      secretHash: apiKeys.secretHash,
      createdBy: apiKeys.createdBy,
      lastUsedAt: apiKeys.lastUsedAt,
      permissions: roles.permissions,
    })
    .from(apiKeys)
    .innerJoin(roles, and(eq(roles.orgId, apiKeys.orgId), eq(roles.id, apiKeys.roleId)))
    .where(
      and(
        eq(apiKeys.orgId, cred.orgId),
        eq(apiKeys.id, cred.id),
        isNull(apiKeys.revokedAt),
        sql`(${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > now())`,
      ),
    );
  if (!row || !safeEqual(row.secretHash, sha256(cred.secret))) return null;
  return {
    orgId: cred.orgId,
    kind: 'apiKey',
    credentialId: cred.id,
    userId: row.createdBy,
    actorId: cred.id,
    csrfToken: null,
    permissions: row.permissions as Permissions,
    teamIds: row.createdBy && usesTeamScope(row.permissions) ? await teamIdsOf(db, cred.orgId, row.createdBy) : [],
    touchedAt: row.lastUsedAt ?? new Date(0),
  };
}

/** Team ids are only looked up for roles that grant some "team" scope. */
function usesTeamScope(permissions: Permissions): boolean {
  return Object.values(permissions).some((actions) => Object.values(actions ?? {}).includes('team'));
}

/** The user's own team, the teams they manage, and every sub-team below those. */
export async function teamIdsOf(db: Executor, orgId: string, userId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive scope_teams(id) as (
      select t.id from teams t
       where t.org_id = ${orgId}
         and (t.manager_id = ${userId}
              or t.id = (select u.team_id from users u where u.org_id = ${orgId} and u.id = ${userId}))
      union
      select c.id from teams c join scope_teams s on c.parent_id = s.id where c.org_id = ${orgId}
    )
    select id from scope_teams`,
  );
  return rows.map((r) => r.id);
}

/** The permissions and teams of a user now, for work done later on their behalf (imports, jobs). */
export async function loadUserAccess(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<{ permissions: Permissions; teamIds: string[] } | null> {
  const [row] = await db
    .select({ permissions: roles.permissions })
    .from(users)
    .innerJoin(roles, and(eq(roles.orgId, users.orgId), eq(roles.id, users.roleId)))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId), eq(users.status, 'active')));
  if (!row) return null;
  return { permissions: row.permissions, teamIds: await teamIdsOf(db, orgId, userId) };
}
