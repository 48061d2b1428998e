import { z } from 'zod';
import { defineEndpoint, idParamSchema } from '../platform/contract';
import { pageOf } from '../platform/pagination';
import { sourceSchema } from '../shipments/shipment-schemas';
import {
  deliveryParamsSchema,
  updateWebhookInputSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliverySchema,
  webhookInputSchema,
  webhookSchema,
} from './webhook-schemas';

const tags = ['Webhooks'];

export const inboundHookSchema = z.object({
  id: z.uuid(),
  source: z.string(),
  url: z.string(),
  status: z.string(),
  secret: z.string().optional(),
  lastReceivedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const webhookEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/webhooks',
    tags,
    summary: 'List webhook subscriptions',
    response: pageOf(webhookSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/webhooks',
    tags,
    summary: 'Subscribe a URL to events; the answer carries the signing secret, shown once',
    body: webhookInputSchema,
    response: webhookSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/webhooks/:id',
    tags,
    summary: 'Get a webhook subscription',
    params: idParamSchema,
    response: webhookSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/webhooks/:id',
    tags,
    summary: 'Change, disable or enable again a webhook subscription (If-Match: "<version>")',
    params: idParamSchema,
    body: updateWebhookInputSchema,
    response: webhookSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/webhooks/:id',
    tags,
    summary: 'Delete a webhook subscription (If-Match: "<version>")',
    params: idParamSchema,
  }),
  rotateSecret: defineEndpoint({
    method: 'POST',
    path: '/api/webhooks/:id/secret',
    tags,
    summary:
      'Replace the signing secret (optionally If-Match: "<version>"); the answer carries the new one, shown once',
    params: idParamSchema,
    response: webhookSchema,
  }),
  deliveries: defineEndpoint({
    method: 'GET',
    path: '/api/webhooks/:id/deliveries',
    tags,
    summary: "A subscription's delivery log, newest first",
    params: idParamSchema,
    query: webhookDeliveryListQuerySchema,
    response: pageOf(webhookDeliverySchema),
  }),
  replay: defineEndpoint({
    method: 'POST',
    path: '/api/webhooks/:id/deliveries/:deliveryId/replay',
    tags,
    summary: 'Send a delivery again (same webhook-id, new signature)',
    params: deliveryParamsSchema,
    response: webhookDeliverySchema,
  }),
};

export const inboundHookEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/inbound-hooks',
    tags,
    summary: 'Systems registered to push shipments',
    response: pageOf(inboundHookSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/inbound-hooks',
    tags,
    summary: 'Register (or rotate the secret of) a system that pushes shipments for a source',
    body: z.object({ source: sourceSchema }),
    response: inboundHookSchema,
    status: 201,
  }),
  push: defineEndpoint({
    method: 'POST',
    path: '/api/hooks/shipments/:source',
    tags,
    summary: 'Push shipments and events from a source system, signed (Standard Webhooks)',
    description:
      'Body `{ "shipments": [...], "events": [...] }` as for /api/shipments/batch and /api/shipments/events; headers webhook-id, webhook-timestamp (within 5 minutes) and webhook-signature (v1,<base64 HMAC-SHA256> with the secret from POST /api/inbound-hooks). The organisation is named by `?org=`.',
    params: z.object({ source: sourceSchema }),
    query: z.object({ org: z.string().max(40).optional() }),
    response: z.object({
      shipments: z.array(z.record(z.string(), z.unknown())),
      events: z.array(z.record(z.string(), z.unknown())),
    }),
  }),
};
