import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';

/** "1,200,000 CNY" with digit grouping in the UI language; a dash when there is no amount. */
export function useFormatMoney(): (money: { amount: number; currency: string } | null | undefined) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (money) => (money ? `${formatNumber(money.amount, i18n.language)} ${money.currency}` : t('common.none')),
    [i18n.language, t],
  );
}
