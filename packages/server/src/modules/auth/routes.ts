import { authEndpoints, meEndpoints, setupEndpoints } from '@berth/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import { sessionCookieName } from '../../platform/auth/credentials';
import type { AppDeps } from '../../platform/deps';
import { route } from '../../platform/http/route';
import { createOrganization, isSetupRequired } from '../setup';
import { getMe } from './get-me';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { listMySessions, openSession, revokeMySession, revokeSession } from './sessions';
import { signIn } from './sign-in';
import { testOrganizationRoutes } from './test-organization-routes';
import { changePassword, updateProfile } from './update-account';

const currentSessionId = (request: FastifyRequest) =>
  request.principal?.kind === 'session' ? request.principal.credentialId : null;

/** The account of the person signed in; an API key acts for its creator's data scope, not as that person. */
const requireSession = (request: FastifyRequest) => {
  if (request.principal?.kind !== 'session') throw AppError.forbidden();
};

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });
  // Sign-ins are limited per address and email (guessing one account's password) and, five times more
  // loosely, per address alone (trying a password on many accounts).
  const perAddress = app.createRateLimit({ max: config.LOGIN_RATE_PER_MINUTE * 5, timeWindow: '1 minute' });
  const limitPerAddress = async (request: FastifyRequest) => {
    const limit = await perAddress(request);
    if (!limit.isAllowed && limit.isExceeded) throw new AppError('request.rate_limited', 429);
  };

  route(app, setupEndpoints.status, {
    access: { public: true },
    handler: async (request) => ({
      setupRequired: await isSetupRequired(db),
      sessionCookie: Boolean(request.cookies[sessionCookieName]),
    }),
  });

  route(app, setupEndpoints.create, {
    access: { public: true },
    rateLimit: { max: config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' },
    handler: async (request, reply) => {
      const { orgId, adminId } = await createOrganization(db, request.body, { onlyIfFirst: true });
      const session = await openSession(db, { orgId, userId: adminId, ...client(request) }, config.SESSION_IDLE_HOURS);
      setSessionCookie(reply, session.token, config);
      return getMe(db, orgId, adminId, session.csrfToken);
    },
  });

  if (config.ALLOW_TEST_ORGANIZATIONS) testOrganizationRoutes(app, deps);

  route(app, authEndpoints.login, {
    access: { public: true },
    rateLimit: {
      max: config.LOGIN_RATE_PER_MINUTE,
      timeWindow: '1 minute',
      keyGenerator: (request: FastifyRequest) =>
        `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
    },
    preHandler: limitPerAddress,
    handler: async (request, reply) => {
      const { orgId, userId } = await signIn(
        db,
        request.body,
        { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
        { ip: request.ip, requestId: request.id },
      );
      // A new session id on every sign-in; a session the browser already had is ended (no fixation).
      if (request.principal?.kind === 'session')
        await revokeSession(db, request.principal.orgId, request.principal.credentialId);
      const session = await openSession(db, { orgId, userId, ...client(request) }, config.SESSION_IDLE_HOURS);
      setSessionCookie(reply, session.token, config);
      return getMe(db, orgId, userId, session.csrfToken);
    },
  });

  route(app, authEndpoints.logout, {
    access: { signedIn: true },
    handler: async (request, reply) => {
      const sessionId = currentSessionId(request);
      if (sessionId) {
        await revokeSession(db, request.ctx.orgId, sessionId);
        await recordEvent(request.ctx, { action: 'logout', entity: 'users', entityId: request.ctx.userId });
      }
      clearSessionCookie(reply, config);
    },
  });

  route(app, meEndpoints.get, {
    access: { signedIn: true },
    handler: (request) =>
      getMe(db, request.ctx.orgId, request.ctx.userId as string, request.principal?.csrfToken ?? ''),
  });

  route(app, meEndpoints.update, {
    access: { signedIn: true },
    handler: async (request) => {
      requireSession(request);
      await updateProfile(request.ctx, request.body);
      return getMe(db, request.ctx.orgId, request.ctx.userId as string, request.principal?.csrfToken ?? '');
    },
  });

  route(app, meEndpoints.changePassword, {
    access: { signedIn: true },
    handler: async (request) => {
      requireSession(request);
      await changePassword(request.ctx, currentSessionId(request), request.body);
    },
  });

  route(app, meEndpoints.sessions, {
    access: { signedIn: true },
    handler: async (request) => {
      requireSession(request);
      return { items: await listMySessions(request.ctx, currentSessionId(request)), nextCursor: null };
    },
  });

  route(app, meEndpoints.endSession, {
    access: { signedIn: true },
    handler: async (request) => {
      requireSession(request);
      await revokeMySession(request.ctx, request.params.id);
    },
  });
}
