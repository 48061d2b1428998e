import { inboundHookEndpoints, webhookEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import type { Access } from '../../platform/http/access';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createInboundHook, listInboundHooks, receiveShipmentPush } from './inbound';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  replayDelivery,
  rotateWebhookSecret,
  updateWebhook,
} from './subscriptions';

/** Outgoing webhooks (subscriptions, delivery log, replay) and the signed inbound hook for shipment feeds. */
export function webhookRoutes(app: FastifyInstance, deps: AppDeps) {
  const allowPrivate = deps.config.WEBHOOKS_ALLOW_PRIVATE_NETWORK;
  const read: Access = { permission: ['webhooks', 'read'] };
  const update: Access = { permission: ['webhooks', 'update'] };

  route(app, webhookEndpoints.list, { access: read, handler: (request) => listWebhooks(request.ctx) });
  route(app, webhookEndpoints.create, {
    access: update,
    handler: async (request, reply) =>
      sendWithEtag(reply, await createWebhook(request.ctx, request.body, allowPrivate)),
  });
  route(app, webhookEndpoints.get, {
    access: read,
    handler: async (request, reply) => sendWithEtag(reply, await getWebhook(request.ctx, request.params.id)),
  });
  route(app, webhookEndpoints.update, {
    access: update,
    handler: async (request, reply) =>
      sendWithEtag(
        reply,
        await updateWebhook(request.ctx, request.params.id, requiredVersion(request), request.body, allowPrivate),
      ),
  });
  route(app, webhookEndpoints.delete, {
    access: update,
    handler: (request) => deleteWebhook(request.ctx, request.params.id, expectedVersion(request)),
  });
  route(app, webhookEndpoints.rotateSecret, {
    access: update,
    handler: async (request, reply) =>
      sendWithEtag(reply, await rotateWebhookSecret(request.ctx, request.params.id, expectedVersion(request))),
  });
  route(app, webhookEndpoints.deliveries, {
    access: read,
    handler: (request) => listDeliveries(request.ctx, request.params.id, request.query),
  });
  route(app, webhookEndpoints.replay, {
    access: update,
    handler: (request) => replayDelivery(request.ctx, request.params.id, request.params.deliveryId),
  });
  route(app, inboundHookEndpoints.list, { access: read, handler: (request) => listInboundHooks(request.ctx) });
  route(app, inboundHookEndpoints.create, {
    access: update,
    handler: (request) => createInboundHook(request.ctx, request.body.source),
  });

  // The push is verified over the exact bytes that were signed, so this route reads its body as text.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    route(scope, inboundHookEndpoints.push, {
      access: { public: true },
      handler: (request) =>
        receiveShipmentPush(deps.db, {
          orgId: request.query.org,
          source: request.params.source,
          rawBody: typeof request.body === 'string' ? request.body : '',
          headers: request.headers,
          acceptLanguage: request.headers['accept-language'],
        }),
    });
  });
}
