import { z } from 'zod';
import { shipmentListQuerySchema } from './shipment-schemas';

/**
 * The shipment list's filters as a saved view keeps them: the list query without paging (lane =
 * POL or POL-POD), the exception flag as a boolean. Unknown keys are refused rather than dropped, so
 * a customer view's filters never pass for a shipment view's.
 */
export const shipmentFiltersSchema = shipmentListQuerySchema
  .pick({
    q: true,
    customerId: true,
    mode: true,
    status: true,
    lane: true,
    etdFrom: true,
    etdTo: true,
    etaFrom: true,
    etaTo: true,
  })
  .extend({ exception: z.boolean().optional().describe('Only shipments with an exception') })
  .strict();
export type ShipmentFilters = z.infer<typeof shipmentFiltersSchema>;
