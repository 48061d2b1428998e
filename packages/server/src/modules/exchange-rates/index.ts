/**
 * What other modules may use of the exchange-rates module (docs/decisions/0003-module-manifest.md); its manifest is
 * `manifest.ts`.
 */

// The dated rates in another module's SQL (a report converting in its query).
export { exchangeRateRef } from './exchange-rate-ref';
// The organisation's rates as a table to convert with, loaded once.
export { loadRateTable, saveExchangeRates } from './exchange-rates';
