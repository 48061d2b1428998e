/**
 * What other modules may use of the attachments module; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

// A file name safe to store and show (uploads, imported files).
export { cleanFileName } from './sniff-file-type';
