import type { FastifyReply } from 'fastify';
import { sessionCookieName } from '../../platform/auth/credentials';
import type { Config } from '../../platform/config';

export function setSessionCookie(reply: FastifyReply, token: string, config: Config) {
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
    path: '/',
    maxAge: config.SESSION_MAX_DAYS * 24 * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE, path: '/' });
}
