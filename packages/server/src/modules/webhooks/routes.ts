import {
  deliveryParamsSchema,
  idParamSchema,
  pageOf,
  sourceSchema,
  updateWebhookInputSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliverySchema,
  webhookInputSchema,
  webhookSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createInboundHook, listInboundHooks, receiveShipmentPush } from './inbound';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  replayDelivery,
  updateWebhook,
} from './subscriptions';

const inboundHookSchema = z.object({
  id: z.uuid(),
  source: z.string(),
  url: z.string(),
  status: z.string(),
  secret: z.string().optional(),
  lastReceivedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** Outgoing webhooks (subscriptions, delivery log, replay) and the signed inbound hook for shipment feeds. */
export function webhookRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Webhooks'];
  const allowPrivate = deps.config.WEBHOOKS_ALLOW_PRIVATE_NETWORK;

  r.get(
    '/api/webhooks',
    {
      schema: { tags, summary: 'List webhook subscriptions', response: { 200: pageOf(webhookSchema) } },
      config: { access: { permission: ['webhooks', 'read'] } },
    },
    (request) => listWebhooks(request.ctx),
  );
  r.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribe a URL to events; the answer carries the signing secret, shown once',
        body: webhookInputSchema,
        response: { 201: webhookSchema },
      },
      config: { access: { permission: ['webhooks', 'update'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createWebhook(request.ctx, request.body, allowPrivate))),
  );
  r.get(
    '/api/webhooks/:id',
    {
      schema: { tags, summary: 'Get a webhook subscription', params: idParamSchema, response: { 200: webhookSchema } },
      config: { access: { permission: ['webhooks', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getWebhook(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change, disable or enable again a webhook subscription (If-Match: "<version>")',
        params: idParamSchema,
        body: updateWebhookInputSchema,
        response: { 200: webhookSchema },
      },
      config: { access: { permission: ['webhooks', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateWebhook(request.ctx, request.params.id, requiredVersion(request), request.body, allowPrivate),
      ),
  );
  r.delete(
    '/api/webhooks/:id',
    {
      schema: { tags, summary: 'Delete a webhook subscription (If-Match: "<version>")', params: idParamSchema },
      config: { access: { permission: ['webhooks', 'update'] } },
    },
    async (request, reply) => {
      await deleteWebhook(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: "A subscription's delivery log, newest first",
        params: idParamSchema,
        querystring: webhookDeliveryListQuerySchema,
        response: { 200: pageOf(webhookDeliverySchema) },
      },
      config: { access: { permission: ['webhooks', 'read'] } },
    },
    (request) => listDeliveries(request.ctx, request.params.id, request.query),
  );
  r.post(
    '/api/webhooks/:id/deliveries/:deliveryId/replay',
    {
      schema: {
        tags,
        summary: 'Send a delivery again (same webhook-id, new signature)',
        params: deliveryParamsSchema,
        response: { 200: webhookDeliverySchema },
      },
      config: { access: { permission: ['webhooks', 'update'] } },
    },
    (request) => replayDelivery(request.ctx, request.params.id, request.params.deliveryId),
  );
  r.get(
    '/api/inbound-hooks',
    {
      schema: { tags, summary: 'Systems registered to push shipments', response: { 200: pageOf(inboundHookSchema) } },
      config: { access: { permission: ['webhooks', 'read'] } },
    },
    (request) => listInboundHooks(request.ctx),
  );
  r.post(
    '/api/inbound-hooks',
    {
      schema: {
        tags,
        summary: 'Register (or rotate the secret of) a system that pushes shipments for a source',
        body: z.object({ source: sourceSchema }),
        response: { 201: inboundHookSchema },
      },
      config: { access: { permission: ['webhooks', 'update'] } },
    },
    async (request, reply) => reply.code(201).send(await createInboundHook(request.ctx, request.body.source)),
  );

  // The push is verified over the exact bytes that were signed, so this route reads its body as text.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/hooks/shipments/:source',
      {
        schema: {
          tags,
          summary: 'Push shipments and events from a source system, signed (Standard Webhooks)',
          description:
            'Body `{ "shipments": [...], "events": [...] }` as for /api/shipments/batch and /api/shipments/events; headers webhook-id, webhook-timestamp (within 5 minutes) and webhook-signature (v1,<base64 HMAC-SHA256> with the secret from POST /api/inbound-hooks). The organisation is named by `?org=`.',
          params: z.object({ source: sourceSchema }),
          querystring: z.object({ org: z.string().max(40).optional() }),
          response: {
            200: z.object({
              shipments: z.array(z.record(z.string(), z.unknown())),
              events: z.array(z.record(z.string(), z.unknown())),
            }),
          },
        },
        config: { access: { public: true } },
      },
      (request) =>
        receiveShipmentPush(deps.db, {
          orgId: request.query.org,
          source: request.params.source,
          rawBody: typeof request.body === 'string' ? request.body : '',
          headers: request.headers,
          acceptLanguage: request.headers['accept-language'],
        }),
    );
  });
}
