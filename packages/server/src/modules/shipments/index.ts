/**
 * What other modules may use of the shipments module (docs/decisions/0003-module-manifest.md): the feed's two
 * entry points, for the signed inbound hook.
 */
export { ingestShipmentEvents } from './ingest-events';
export { upsertShipments } from './upsert-shipments';
