import type { Clock, Resource } from '@berth/domain';
import { resourceActions, scopeOf } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database';
import { apiKeys, sessions } from '../../db/schema';
import { AppError } from '../app-error';
import { parseApiKey, parseSessionToken, sessionCookieName } from '../auth/credentials';
import { loadApiKeyPrincipal, loadSessionPrincipal, type Principal } from '../auth/load-principal';
import { safeEqual } from '../auth/secrets';
import type { Ctx } from '../context';
import { localeOf } from './problem-handler';

/**
 * Every API route declares who may call it, and this is the one place it is enforced:
 * `public` (no sign-in), `signedIn` (any user of the tenant) or a resource permission.
 * A route without a declaration refuses to register.
 */
export type Access =
  | { public: true }
  | { signedIn: true }
  | { permission: [Resource, string] }
  /** Any one of these permissions; the use case decides what each allows. */
  | { anyPermission: [Resource, string][] };

/** The permissions a route accepts, empty for public and signed-in routes. */
export function permissionsOf(access: Access): [Resource, string][] {
  if ('permission' in access) return [access.permission];
  if ('anyPermission' in access) return access.anyPermission;
  return [];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ctx: Ctx;
    principal: Principal | null;
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const touchEveryMs = 60_000;

export interface SessionLifetime {
  idleHours: number;
  maxDays: number;
}

export function registerAccessControl(
  app: FastifyInstance,
  db: Db,
  lifetime: SessionLifetime,
  routeTable: RouteAccess[],
  clock: Clock,
) {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    for (const [resource, action] of permissionsOf(access)) {
      if (!(resourceActions[resource] as readonly string[] | undefined)?.includes(action)) {
        throw new Error(`Route ${route.url} names an unknown permission ${resource}.${action}`);
      }
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const principal = await authenticate(db, request);
    request.principal = principal;
    if (principal) request.ctx = contextFor(principal, request, db, clock);
    if ('public' in access) return;
    if (!principal) throw new AppError('auth.unauthenticated', 401);
    if (principal.kind === 'session' && unsafeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
        throw new AppError('auth.csrf_invalid', 403);
      }
    }
    const required = permissionsOf(access);
    if (required.length > 0 && !required.some((p) => scopeOf(principal.permissions, ...p))) {
      throw AppError.forbidden();
    }
    await touch(db, principal, lifetime);
  });
}

async function authenticate(db: Db, request: FastifyRequest): Promise<Principal | null> {
  const apiKey = parseApiKey(request.headers.authorization);
  if (apiKey) return loadApiKeyPrincipal(db, apiKey);
  const session = parseSessionToken(request.cookies[sessionCookieName]);
  return session ? loadSessionPrincipal(db, session) : null;
}

function contextFor(principal: Principal, request: FastifyRequest, db: Db, clock: Clock): Ctx {
  return {
    orgId: principal.orgId,
    actor: { type: principal.kind === 'session' ? 'user' : 'apiKey', id: principal.actorId },
    userId: principal.userId,
    teamIds: principal.teamIds,
    permissions: principal.permissions,
    locale: localeOf(request),
    db,
    clock,
    requestId: request.id,
    ip: request.ip,
  };
}

/** Sliding idle expiry for sessions and last-use for API keys, written at most once a minute. */
async function touch(db: Db, principal: Principal, lifetime: SessionLifetime) {
  if (Date.now() - principal.touchedAt.getTime() < touchEveryMs) return;
  if (principal.kind === 'session') {
    await db
      .update(sessions)
      .set({
        lastSeenAt: sql`now()`,
        expiresAt: sql`least(now() + interval '1 hour' * ${lifetime.idleHours}, ${sessions.createdAt} + interval '1 day' * ${lifetime.maxDays})`,
      })
      .where(and(eq(sessions.orgId, principal.orgId), eq(sessions.id, principal.credentialId)));
  } else {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.orgId, principal.orgId), eq(apiKeys.id, principal.credentialId)));
  }
}
