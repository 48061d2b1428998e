import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Locale } from '../platform/locale';

/**
 * ISO 3166-1 alpha-2 countries and regions with English and Chinese names, from the locale files of
 * i18n-iso-countries. Only its JSON is imported: its runtime keeps a global registry and needs CommonJS interop,
 * and the data alone works the same in Node and in the Vite build.
 */
export interface Country {
  code: string;
  nameEn: string;
  nameZh: string;
}

// The library has Kosovo's user-assigned code, which ISO 3166-1 does not list (UN/LOCODE uses XZ for it).
const notInIso3166 = new Set(['XK']);

// Names as mainland Chinese customs documents and forwarders write them.
const nameOverrides: Record<string, Partial<Omit<Country, 'code'>>> = {
  CN: { nameEn: 'China' },
  HK: { nameEn: 'Hong Kong, China', nameZh: '中国香港' },
  MO: { nameEn: 'Macao, China', nameZh: '中国澳门' },
  TW: { nameEn: 'Taiwan, China', nameZh: '中国台湾' },
  EH: { nameZh: '西撒哈拉' },
};

/** Per code, one name or several (the official one first), as the locale files hold them. */
type LocaleNames = Record<string, string | readonly string[]>;
const enNames: LocaleNames = en.countries;
const zhNames: LocaleNames = zh.countries;

function allNames(names: LocaleNames, code: string): string[] {
  const name = names[code];
  return name === undefined ? [] : typeof name === 'string' ? [name] : [...name];
}

export const countries: readonly Country[] = Object.keys(enNames)
  .filter((code) => !notInIso3166.has(code))
  .map((code) => ({
    code,
    nameEn: allNames(enNames, code)[0] ?? code,
    nameZh: allNames(zhNames, code)[0] ?? allNames(enNames, code)[0] ?? code,
    ...nameOverrides[code],
  }))
  .sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map(countries.map((country) => [country.code, country]));

/** Whether `code` is an ISO 3166-1 alpha-2 code, exactly as given (upper case). */
export function isCountryCode(code: string): boolean {
  return byCode.has(code);
}

export function findCountry(code: string): Country | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/** The country's name in the UI language, or undefined for an unknown code. */
export function countryName(code: string, locale: Locale): string | undefined {
  const country = findCountry(code);
  if (!country) return undefined;
  return locale === 'zh-CN' ? country.nameZh : country.nameEn;
}

/**
 * Every name a country goes by in the library's data (official and alternative, both languages) plus ours;
 * used to recognise country markers in company names.
 */
export function countryNameVariants(code: string): string[] {
  const variants = [...allNames(enNames, code), ...allNames(zhNames, code)];
  const country = byCode.get(code);
  if (country) variants.push(country.nameEn, country.nameZh);
  return [...new Set(variants)];
}
