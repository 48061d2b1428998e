import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "1,200,000.50 CNY" with digit grouping in the UI language; a dash when there is no amount. The amount is
 * formatted from its decimal text, so no digit is lost to a float.
 */
export function useFormatMoney(): (money: { amount: string | number; currency: string } | null | undefined) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (money) => (money ? `${formatAmount(money.amount, i18n.language)} ${money.currency}` : t('common.none')),
    [i18n.language, t],
  );
}

/** Groups the digits of a decimal amount as the locale does, keeping every decimal it has. */
export function formatAmount(amount: string | number, locale: string): string {
  const text = String(amount);
  const decimals = text.includes('.') ? (text.split('.')[1] as string).length : 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    text as `${number}`,
  );
}
