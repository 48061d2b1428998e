import { orgSettingsEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { getOrgSettings, updateOrgSettings } from './org-settings';

/** The organisation's settings: everyone signed in reads them, administrators change them. */
export function orgSettingsRoutes(app: FastifyInstance) {
  route(app, orgSettingsEndpoints.get, {
    access: { signedIn: true },
    handler: async (request, reply) => sendWithEtag(reply, await getOrgSettings(request.ctx)),
  });
  route(app, orgSettingsEndpoints.update, {
    access: { permission: ['orgSettings', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateOrgSettings(request.ctx, requiredVersion(request), request.body)),
  });
}
