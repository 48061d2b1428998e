import type { Shipment } from './shipment-schemas';

/**
 * What people call a shipment by: its master B/L, else its house B/L, else its booking number, else the
 * source's id. The server's SQL says the same (`shipmentReferenceSql` in the shipments module).
 */
export function shipmentReference(
  shipment: Pick<Shipment, 'masterBl' | 'houseBl' | 'bookingNumber' | 'externalId'>,
): string {
  return shipment.masterBl ?? shipment.houseBl ?? shipment.bookingNumber ?? shipment.externalId;
}
