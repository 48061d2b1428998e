/**
 * What other modules may use of the exchange rates (docs/decisions/0003-module-manifest.md): the organisation's
 * rates as a table to convert with, loaded once.
 */
export { loadRateTable } from './exchange-rates';
