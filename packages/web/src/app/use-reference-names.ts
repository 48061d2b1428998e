import { countryName, currencyName, findPort, type Locale, type Port } from '@berth/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const empty = '—';

/** How a port appears in pickers, whatever the UI language: "CNSHA 上海 / Shanghai". */
export function portOptionLabel(port: Port): string {
  return `${port.code} ${port.nameZh} / ${port.nameEn}`;
}

/** Names of countries, ports and currencies in the UI language; unknown codes are shown as they are. */
export function useReferenceNames() {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useMemo(() => {
    const port = (code: string | null | undefined): string => {
      if (!code) return empty;
      const found = findPort(code);
      if (!found) return code;
      return locale === 'en' ? found.nameEn : found.nameZh;
    };
    return {
      locale,
      country: (code: string | null | undefined): string => (code ? (countryName(code, locale) ?? code) : empty),
      currency: (code: string | null | undefined): string => (code ? (currencyName(code, locale) ?? code) : empty),
      port,
      /** "上海 (CNSHA)" */
      portWithCode: (code: string | null | undefined): string => (code ? `${port(code)} (${code})` : empty),
    };
  }, [locale]);
}
