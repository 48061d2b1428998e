import type { Locale } from './locale';

/** What a person reads for one error code, in every UI language. */
export type ErrorText = Readonly<Record<Locale, string>>;

/**
 * The error codes one module answers with, and their messages. Every code starts with one of the
 * module's `prefixes` (`task.`, `next_step.`), and no two bundles share a prefix, so a code names
 * the module that owns it.
 */
export interface ErrorBundle<Code extends string = string> {
  readonly prefixes: readonly string[];
  readonly messages: Readonly<Record<Code, ErrorText>>;
}

/**
 * Declares a module's error codes under its prefixes. A code outside them does not compile
 * (`defineErrorMessages(['task'], { 'prospect.x': … })` is an error), and the catalogue's unit
 * test checks the same of every listed bundle at run time.
 */
export function defineErrorMessages<const Prefix extends string, const Code extends `${Prefix}.${string}`>(
  prefixes: readonly Prefix[],
  messages: Record<Code, ErrorText>,
): ErrorBundle<Code> {
  return { prefixes, messages };
}

/** The codes of a bundle, as a union of string literals. */
export type CodeOf<B> = B extends ErrorBundle<infer Code> ? Code : never;

/** The codes of a bundle that start with none of its prefixes (empty when the bundle is well formed). */
export function codesOutsidePrefixes(bundle: ErrorBundle): string[] {
  return Object.keys(bundle.messages).filter(
    (code) => !bundle.prefixes.some((prefix) => code.startsWith(`${prefix}.`)),
  );
}
