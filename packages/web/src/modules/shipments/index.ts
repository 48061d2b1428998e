/**
 * What other modules use of shipments: the query keys to refresh after a change, and how the customer timeline
 * shows shipments and their exceptions.
 */
export { shipmentKeys } from './query-keys';
export { useShipmentTimeline } from './use-shipment-timeline';
