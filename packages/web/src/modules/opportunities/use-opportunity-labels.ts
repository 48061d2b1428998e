import { opportunitySources } from '@berth/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../app/use-format-money';

type Table = Record<string, string>;

/** Sources and statuses of opportunities in the UI language, money as "250,000.00 CNY". */
export function useOpportunityLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const sources = t('opportunities.sources', { returnObjects: true }) as unknown as Table;
    const statuses = t('opportunities.statuses', { returnObjects: true }) as unknown as Table;
    const label = (table: Table) => (value: string | null | undefined) =>
      value ? (Object.hasOwn(table, value) ? (table[value] as string) : value) : t('common.none');
    return {
      source: label(sources),
      status: label(statuses),
      sourceOptions: opportunitySources.map((value) => ({ value, label: sources[value] ?? value })),
      statusOptions: Object.entries(statuses).map(([value, text]) => ({ value, label: text })),
      /** An amount as "250,000.00 CNY"; a dash for none (unknown, or hidden from the caller's role). */
      money: (money: { amount: string; currency: string } | null | undefined) =>
        money ? `${formatAmount(money.amount, i18n.language)} ${money.currency}` : t('common.none'),
    };
  }, [t, i18n.language]);
}
