/**
 * What other modules may use of the setup module; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

// The first organisation of a new installation (the sign-in page offers it).
export { createOrganization, isSetupRequired } from './create-organization';
