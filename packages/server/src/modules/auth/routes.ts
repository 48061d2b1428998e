import {
  changePasswordInputSchema,
  idParamSchema,
  loginInputSchema,
  meSchema,
  pageOf,
  sessionSchema,
  setupInputSchema,
  setupStatusSchema,
  updateProfileInputSchema,
} from '@berth/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import type { AppDeps } from '../../platform/deps';
import { createOrganization, isSetupRequired } from '../setup/public';
import { getMe } from './get-me';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { listMySessions, openSession, revokeMySession, revokeSession } from './sessions';
import { signIn } from './sign-in';
import { changePassword, updateProfile } from './update-account';

const currentSessionId = (request: FastifyRequest) =>
  request.principal?.kind === 'session' ? request.principal.credentialId : null;

/** The account of the person signed in; an API key acts for its creator's data scope, not as that person. */
const requireSession = (request: FastifyRequest) => {
  if (request.principal?.kind !== 'session') throw AppError.forbidden();
};

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });
  // Sign-ins are limited per address and email (guessing one account's password) and, five times more
  // loosely, per address alone (trying a password on many accounts).
  const perAddress = app.createRateLimit({ max: config.LOGIN_RATE_PER_MINUTE * 5, timeWindow: '1 minute' });
  const limitPerAddress = async (request: FastifyRequest) => {
    const limit = await perAddress(request);
    if (!limit.isAllowed && limit.isExceeded) throw new AppError('request.rate_limited', 429);
  };

  r.get(
    '/api/setup',
    {
      schema: {
        tags: ['Setup'],
        summary: 'Whether first-run setup is still open',
        security: [],
        response: { 200: setupStatusSchema },
      },
      config: { access: { public: true } },
    },
    async () => ({ setupRequired: await isSetupRequired(db) }),
  );

  r.post(
    '/api/setup',
    {
      schema: {
        tags: ['Setup'],
        summary: 'Create the organisation and its administrator (first run only; afterwards 409)',
        security: [],
        body: setupInputSchema,
        response: { 201: meSchema },
      },
      config: { access: { public: true }, rateLimit: { max: config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { orgId, adminId } = await createOrganization(db, request.body, { onlyIfFirst: true });
      const session = await openSession(db, { orgId, userId: adminId, ...client(request) }, config.SESSION_IDLE_HOURS);
      setSessionCookie(reply, session.token, config);
      return reply.code(201).send(await getMe(db, orgId, adminId, session.csrfToken));
    },
  );

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['Auth'],
        summary: 'Sign in; sets the session cookie and returns the csrfToken',
        security: [],
        body: loginInputSchema,
        response: { 200: meSchema },
      },
      config: {
        access: { public: true },
        rateLimit: {
          max: config.LOGIN_RATE_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) =>
            `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      preHandler: limitPerAddress,
    },
    async (request, reply) => {
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
  );

  r.post(
    '/api/auth/logout',
    {
      schema: { tags: ['Auth'], summary: 'Sign out this session' },
      config: { access: { signedIn: true } },
    },
    async (request, reply) => {
      const sessionId = currentSessionId(request);
      if (sessionId) {
        await revokeSession(db, request.ctx.orgId, sessionId);
        await recordEvent(request.ctx, { action: 'logout', entity: 'users', entityId: request.ctx.userId });
      }
      clearSessionCookie(reply, config);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/me',
    {
      schema: {
        tags: ['Auth'],
        summary: 'The signed-in user, role, permissions and csrfToken',
        response: { 200: meSchema },
      },
      config: { access: { signedIn: true } },
    },
    (request) => getMe(db, request.ctx.orgId, request.ctx.userId as string, request.principal?.csrfToken ?? ''),
  );

  r.patch(
    '/api/me',
    {
      schema: {
        tags: ['Auth'],
        summary: 'Update my name or language',
        body: updateProfileInputSchema,
        response: { 200: meSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request) => {
      requireSession(request);
      await updateProfile(request.ctx, request.body);
      return getMe(db, request.ctx.orgId, request.ctx.userId as string, request.principal?.csrfToken ?? '');
    },
  );

  r.post(
    '/api/me/password',
    {
      schema: {
        tags: ['Auth'],
        summary: 'Change my password (ends my other sessions)',
        body: changePasswordInputSchema,
      },
      config: { access: { signedIn: true } },
    },
    async (request, reply) => {
      requireSession(request);
      await changePassword(request.ctx, currentSessionId(request), request.body);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/me/sessions',
    {
      schema: { tags: ['Auth'], summary: 'My open sessions', response: { 200: pageOf(sessionSchema) } },
      config: { access: { signedIn: true } },
    },
    async (request) => {
      requireSession(request);
      return { items: await listMySessions(request.ctx, currentSessionId(request)), nextCursor: null };
    },
  );

  r.delete(
    '/api/me/sessions/:id',
    {
      schema: { tags: ['Auth'], summary: 'End one of my sessions', params: idParamSchema },
      config: { access: { signedIn: true } },
    },
    async (request, reply) => {
      requireSession(request);
      await revokeMySession(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}
