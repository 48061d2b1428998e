/**
 * What other modules may use of the sales-events module; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

export { salesEventExists, salesEventNames } from './sales-event-lookups';
