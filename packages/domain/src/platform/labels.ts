import type { Locale } from './locale';

/** A word or phrase in each language of the product. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** The labels of a vocabulary (statuses, roles, modes…): each code in each language. */
export type LabelCatalogue<Code extends string> = Readonly<Record<Code, LocalizedText>>;

/** The label of a code in the language, or the code itself when the catalogue does not know it. */
export function labelOf<Code extends string>(catalogue: LabelCatalogue<Code>, code: string, locale: Locale): string {
  return Object.hasOwn(catalogue, code) ? catalogue[code as Code][locale] : code;
}

/** A catalogue in one language, `{ code: label }`: how the console's translations take it over. */
export function labelsIn<Code extends string>(catalogue: LabelCatalogue<Code>, locale: Locale): Record<Code, string> {
  return Object.fromEntries(
    Object.entries<LocalizedText>(catalogue).map(([code, text]) => [code, text[locale]]),
  ) as Record<Code, string>;
}
