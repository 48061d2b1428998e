import { z } from 'zod';
import { listQuerySchema } from '../platform/pagination';

/** The events an organisation can subscribe a webhook to (a subset of the domain events, by the same names). */
export const webhookEvents = [
  'customer.created',
  'customer.updated',
  'customer.merged',
  'opportunity.won',
  'opportunity.lost',
  'shipment.created',
  'shipment.status_changed',
  'shipment.exception',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const webhookInputSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, message: 'webhook.url_invalid' })
    .max(2000)
    .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), { message: 'webhook.url_invalid' }),
  description: z.string().trim().max(200).nullable().optional(),
  events: z.array(z.enum(webhookEvents)).min(1).max(webhookEvents.length),
});
export const updateWebhookInputSchema = webhookInputSchema.partial().extend({
  status: z.enum(['active', 'disabled']).optional(),
});

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  disabledReason: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  /** Only in the answer to its creation: keep it, it is not shown again. */
  secret: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  messageId: z.string(),
  event: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  /** Why the last attempt failed, in the caller's language (from `lastErrorCode`). */
  lastError: z.string().nullable(),
  /** The same as a code and parameters (`delivery.*`), for a client that renders it itself. */
  lastErrorCode: z.string().nullable(),
  lastErrorParams: z.record(z.string(), z.string()),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListQuerySchema = listQuerySchema.extend({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
  cursor: z.uuid().optional(),
});
export const deliveryParamsSchema = z.object({ id: z.uuid(), deliveryId: z.uuid() });
