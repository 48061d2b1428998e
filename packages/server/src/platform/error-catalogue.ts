import { codesOutsidePrefixes, type ErrorBundle, type ErrorText, type Locale, platformErrors } from '@berth/domain';

/**
 * The messages of the server's error codes: the platform's own, and those each module declares in
 * its manifest (`errors`), installed by the module list as it loads (server-modules.ts). Problem+json
 * details, field messages and import row errors are written from here.
 */
const messages = new Map<string, ErrorText>(Object.entries(platformErrors.messages));
const prefixOwners = new Map<string, string>(platformErrors.prefixes.map((prefix) => [prefix, 'platform']));

/** Adds the modules' error codes; a code outside its module's prefixes, or a prefix two modules claim, fails the start. */
export function installErrorMessages(modules: readonly { name: string; errors?: ErrorBundle }[]): void {
  for (const { name, errors } of modules) {
    if (!errors) continue;
    const misplaced = codesOutsidePrefixes(errors);
    if (misplaced.length > 0) {
      throw new Error(`The ${name} module declares codes outside its prefixes: ${misplaced.join(', ')}`);
    }
    for (const prefix of errors.prefixes) {
      const owner = prefixOwners.get(prefix);
      if (owner && owner !== name) throw new Error(`The error prefix ${prefix} belongs to ${owner}, not ${name}`);
    }
    for (const prefix of errors.prefixes) prefixOwners.set(prefix, name);
    for (const [code, text] of Object.entries<ErrorText>(errors.messages)) messages.set(code, text);
  }
}

/** The message of a code in the caller's language; an unknown code answers with itself. */
export function errorMessage(code: string, locale: Locale): string {
  return messages.get(code)?.[locale] ?? code;
}

/** Every code the server can translate, for the module list's test. */
export function installedErrorCodes(): string[] {
  return [...messages.keys()];
}
