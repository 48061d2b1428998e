import type { StatsGrouping, StatsRow } from '@berth/domain';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStats } from '../use-opportunities';
import { useOpportunityLabels } from '../use-opportunity-labels';
import { useStages } from '../use-pipeline-settings';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

/** Win rate, cycle time and days per stage for each group, and for all opportunities. */
export function StatsTable({ by }: { by: StatsGrouping }) {
  const { t } = useTranslation();
  const labels = useOpportunityLabels();
  const { byKey } = useStages(true);
  const { data, isPending } = useStats({ by });
  const groupName = (row: StatsRow) => {
    if (row === data?.overall) return t('forecastPage.overall');
    if (by === 'source') return labels.source(row.key);
    return row.name ?? row.key ?? t('forecastPage.none');
  };
  const stageDays = (row: StatsRow) =>
    Object.entries(row.avgDaysInStage)
      .map(([key, days]) => `${byKey.get(key)?.name ?? key} ${days}`)
      .join(' · ') || '—';
  const columns: TableColumnsType<StatsRow> = [
    { key: 'group', title: t('forecastPage.group'), render: (_, r) => groupName(r) },
    { key: 'total', title: t('forecastPage.statsTotal'), dataIndex: 'total', align: 'right' },
    { key: 'open', title: t('forecastPage.open'), dataIndex: 'open', align: 'right' },
    { key: 'won', title: t('forecastPage.won'), dataIndex: 'won', align: 'right' },
    { key: 'lost', title: t('forecastPage.lost'), dataIndex: 'lost', align: 'right' },
    {
      key: 'winRate',
      title: t('forecastPage.winRate'),
      align: 'right',
      render: (_, r) => <span data-testid="win-rate">{percent(r.winRate)}</span>,
    },
    {
      key: 'cycle',
      title: t('forecastPage.avgCycleDays'),
      align: 'right',
      render: (_, r) => (r.avgCycleDays === null ? '—' : r.avgCycleDays),
    },
    { key: 'stages', title: t('forecastPage.avgDaysInStage'), render: (_, r) => stageDays(r) },
  ];
  const rows = data ? [...data.items, data.overall] : [];
  return (
    <Table<StatsRow>
      rowKey={(r) => (r === data?.overall ? '__overall' : (r.key ?? '__none'))}
      size="small"
      columns={columns}
      dataSource={rows}
      loading={isPending}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="stats-table"
    />
  );
}
