import { type SearchHit, shipmentListQuerySchema, shipmentReference } from '@berth/domain';
import type { SearchProvider } from '../../platform/module';
import { findShipments } from './find-shipments';

/**
 * Shipments in the global search: by booking, master or house B/L, container number or the source system's id —
 * the shipment list's exact-number search — within the scope of each shipment's customer.
 */
export const shipmentSearchProvider: SearchProvider = {
  kind: 'shipment',
  resource: 'shipments',
  search: async (ctx, text, limit) => {
    const page = await findShipments(ctx, shipmentListQuerySchema.parse({ q: text, limit }));
    const items = page.items.map((s): SearchHit => {
      const term = text.toUpperCase().replace(/\s+/g, '');
      const container = s.containers.find((c) => c.number === term);
      const number = shipmentReference(s);
      const lane = s.pol && s.pod ? `${s.pol}→${s.pod}` : null;
      return {
        kind: 'shipment',
        id: s.id,
        title: container ? `${number} · ${container.number}` : number,
        subtitle: [s.customerName, lane].filter(Boolean).join(' · ') || null,
        customerId: s.customerId,
      };
    });
    return { items, more: page.nextCursor !== null };
  },
};
