/** What other modules use of shipments: the query keys to refresh after a change. */
export { shipmentKeys } from './query-keys';
