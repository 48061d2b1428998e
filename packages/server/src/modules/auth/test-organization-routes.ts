import { defineEndpoint, meSchema, setupInputSchema } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { route } from '../../platform/http/route';
import { createOrganization } from '../setup';
import { getMe } from './get-me';
import { setSessionCookie } from './session-cookie';
import { openSession } from './sessions';

/** Not part of the API: declared here, not in the domain's catalogue. */
const createTestOrganization = defineEndpoint({
  method: 'POST',
  path: '/api/test-organizations',
  tags: ['Test organisations'],
  summary: 'TEST ONLY (ALLOW_TEST_ORGANIZATIONS=true): add another organisation and its administrator',
  body: setupInputSchema,
  response: meSchema,
  status: 201,
});

/**
 * TEST ONLY — registered only when ALLOW_TEST_ORGANIZATIONS=true (refused outside test runs): what the
 * first-run setup does, for any number of organisations, so end-to-end test files can share one server,
 * each in an organisation of its own, as `npm run cli -- org:create` would add them to a stopped one.
 */
export function testOrganizationRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  route(app, createTestOrganization, {
    access: { public: true },
    handler: async (request, reply) => {
      const { orgId, adminId } = await createOrganization(db, request.body, { onlyIfFirst: false });
      const session = await openSession(
        db,
        { orgId, userId: adminId, ip: request.ip, userAgent: request.headers['user-agent'] },
        config.SESSION_IDLE_HOURS,
      );
      setSessionCookie(reply, session.token, config);
      return getMe(db, orgId, adminId, session.csrfToken);
    },
  });
}
