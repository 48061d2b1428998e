/**
 * What other modules may use of the roles module; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

// What a role grants, and whether the caller may hand it out (users, API keys).
export { assertGrantable, permissionsOfRole } from './assert-grantable';
