import type { ForecastGrouping, ForecastRow } from '@berth/domain';
import { Alert, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/permissions';
import { useForecast } from '../use-opportunities';
import { useOpportunityLabels } from '../use-opportunity-labels';

interface ForecastTableProps {
  groupBy: ForecastGrouping;
  from?: string;
  to?: string;
}

/** One row per group and currency, then the totals per currency. */
export function ForecastTable({ groupBy, from, to }: ForecastTableProps) {
  const { t } = useTranslation();
  const can = useCan();
  const labels = useOpportunityLabels();
  const { data, isPending } = useForecast({ groupBy, from, to });
  const amount = (value: ForecastRow['expectedRevenue'], _row: ForecastRow) => labels.money(value);
  const groupName = (row: ForecastRow, total: boolean) =>
    total ? t('forecastPage.total') : (row.name ?? row.key ?? t('forecastPage.none'));
  const columns = (total: boolean): TableColumnsType<ForecastRow> => [
    { key: 'group', title: t('forecastPage.group'), render: (_, r) => groupName(r, total) },
    { key: 'currency', title: t('forecastPage.currency'), render: (_, r) => r.currency ?? t('common.none') },
    { key: 'open', title: t('forecastPage.openCount'), dataIndex: 'openCount', align: 'right' },
    {
      key: 'expected',
      title: t('forecastPage.expectedRevenue'),
      align: 'right',
      render: (_, r) => amount(r.expectedRevenue, r),
    },
    {
      key: 'weighted',
      title: t('forecastPage.weightedRevenue'),
      align: 'right',
      render: (_, r) => <Typography.Text strong>{amount(r.weightedRevenue, r)}</Typography.Text>,
    },
    {
      key: 'weightedMargin',
      title: t('forecastPage.weightedMargin'),
      align: 'right',
      render: (_, r) => amount(r.weightedMargin, r),
    },
    { key: 'won', title: t('forecastPage.wonCount'), dataIndex: 'wonCount', align: 'right' },
    {
      key: 'wonRevenue',
      title: t('forecastPage.wonRevenue'),
      align: 'right',
      render: (_, r) => amount(r.wonRevenue, r),
    },
  ];
  const rowKey = (r: ForecastRow) => `${r.key ?? '-'}|${r.currency ?? '-'}`;
  return (
    <>
      {!(can('revenue', 'read') && can('costMargin', 'read')) && (
        <Alert type="info" showIcon title={t('forecastPage.hiddenAmounts')} style={{ marginBottom: 12 }} />
      )}
      <Table<ForecastRow>
        rowKey={rowKey}
        size="small"
        columns={columns(false)}
        dataSource={data?.items ?? []}
        loading={isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="forecast-table"
      />
      <Table<ForecastRow>
        rowKey={rowKey}
        size="small"
        showHeader={false}
        columns={columns(true)}
        dataSource={data?.totals ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 8 }}
        data-testid="forecast-totals"
      />
    </>
  );
}
