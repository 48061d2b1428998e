import { z } from 'zod';
import { homeCardScopeSchema } from '../platform/home-cards';
import { shipmentExceptionTypes, shipmentStatuses } from './shipment-events';

export const shipmentHomeRowSchema = z.object({
  id: z.uuid(),
  /** Master B/L, else house B/L, else booking number, else the feed’s id: what people call the shipment by. */
  reference: z.string(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  pol: z.string().nullable(),
  pod: z.string().nullable(),
  mode: z.string(),
  status: z.enum(shipmentStatuses),
  eta: z.string().nullable(),
  exceptions: z.array(z.enum(shipmentExceptionTypes)),
});
export type ShipmentHomeRow = z.infer<typeof shipmentHomeRowSchema>;

const shipmentGroupSchema = z.object({ count: z.number().int(), items: z.array(shipmentHomeRowSchema) });

/**
 * Shipments of the caller's customers (their shipments read scope): those not delivered with an exception
 * (rolled, customs hold, damage, loss) that had news in the last 7 days, and those arriving in the next 7 days.
 */
export const shipmentHomeCardSchema = z.object({
  scope: homeCardScopeSchema,
  exceptions: shipmentGroupSchema,
  arriving: shipmentGroupSchema,
});
export type ShipmentHomeCard = z.infer<typeof shipmentHomeCardSchema>;

/** Days the shipments card looks back for exceptions and ahead for arrivals. */
export const shipmentHomeWindowDays = 7;
