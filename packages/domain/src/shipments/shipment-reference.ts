/** The numbers a shipment may carry, in the order people call it by them. */
export interface ShipmentNumbers {
  masterBl: string | null;
  houseBl: string | null;
  bookingNumber: string | null;
  externalId: string;
}

/**
 * What people call a shipment by: its master B/L, else its house B/L, else its booking number, else the
 * source's id. The server's SQL says the same (`shipmentReferenceSql` in the shipments module).
 */
export function shipmentReference(shipment: ShipmentNumbers): string {
  return shipment.masterBl ?? shipment.houseBl ?? shipment.bookingNumber ?? shipment.externalId;
}
