import { type Locale, locales } from '@berth/domain';
import { en as shellEn } from '../locales/en';
import { zhCN as shellZhCN } from '../locales/zh-CN';
import { webModules } from '../modules';

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** Every text of the console: the shell's and each module's, keyed as `t()` reads them. */
export type Translation = typeof shellZhCN & UnionToIntersection<(typeof webModules)[number]['locales']['zh-CN']>;

type Bundle = Record<string, unknown>;

function isPlainObject(value: unknown): value is Bundle {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges text bundles key by key. Objects meet and merge (`nav` gathers every module's menu labels); a text that
 * two bundles both declare is a mistake, reported with its key path.
 */
export function mergeBundles(bundles: readonly object[]): Bundle {
  const merged: Bundle = {};
  const into = (target: Bundle, source: Bundle, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const keyPath = path ? `${path}.${key}` : key;
      const existing = target[key];
      if (existing === undefined) {
        target[key] = isPlainObject(value) ? into({}, value, keyPath) : value;
      } else if (isPlainObject(existing) && isPlainObject(value)) {
        into(existing, value, keyPath);
      } else {
        throw new Error(`Translation key ${keyPath} is declared twice`);
      }
    }
    return target;
  };
  for (const bundle of bundles) into(merged, bundle as Bundle, '');
  return merged;
}

const shell: Record<Locale, object> = { 'zh-CN': shellZhCN, en: shellEn };

/** The assembled texts per UI language. */
export const translations = Object.fromEntries(
  locales.map((locale) => [
    locale,
    mergeBundles([shell[locale], ...webModules.map((module) => module.locales[locale])]),
  ]),
) as Record<Locale, Translation>;
