import { type Locale, locales } from '@berth/domain';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Translation, translations } from './translations';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

const storageKey = 'berth.locale';
export const defaultLocale: Locale = 'zh-CN';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

function applyLocaleSideEffects(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

const initialLocale = readStoredLocale();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: translations['zh-CN'] }, en: { translation: translations.en } },
  lng: initialLocale,
  fallbackLng: defaultLocale,
  supportedLngs: [...locales],
  load: 'currentOnly',
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
applyLocaleSideEffects(initialLocale);

/** The UI language currently shown; also sent as Accept-Language. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : defaultLocale;
}

/** Switches the UI language and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  applyLocaleSideEffects(locale);
  await i18n.changeLanguage(locale);
}

export { i18n };
