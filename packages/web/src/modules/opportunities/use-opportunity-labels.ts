import { opportunitySources } from '@berth/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';

type Table = Record<string, string>;

/** Sources and statuses of opportunities in the UI language, money as "250,000 CNY". */
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
      money: (amount: number | null | undefined, currency: string | null | undefined) =>
        amount === null || amount === undefined
          ? t('common.none')
          : `${formatNumber(amount, i18n.language)}${currency ? ` ${currency}` : ''}`,
    };
  }, [t, i18n.language]);
}
