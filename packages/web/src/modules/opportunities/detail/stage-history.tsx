import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useStageHistory } from '../use-opportunities';
import { useStages } from '../use-pipeline-settings';

type Entry = NonNullable<ReturnType<typeof useStageHistory>['data']>['items'][number];

/** "3 days" / "5 hours" / "12 min": the time spent in a stage, roughly. */
export function useDuration() {
  const { t } = useTranslation();
  return (seconds: number | null) => {
    if (seconds === null) return t('common.none');
    if (seconds >= 86_400) return t('opportunities.history.days', { days: Math.round((seconds / 86_400) * 10) / 10 });
    if (seconds >= 3600) return t('opportunities.history.hours', { hours: Math.round(seconds / 3600) });
    return t('opportunities.history.minutes', { minutes: Math.max(1, Math.round(seconds / 60)) });
  };
}

/** The opportunity's moves through the pipeline, with how long it stayed in each stage. */
export function StageHistory({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const { data, isPending } = useStageHistory(opportunityId);
  const { byKey } = useStages(true);
  const duration = useDuration();
  const name = (key: string | null) => (key ? (byKey.get(key)?.name ?? key) : t('opportunities.history.created'));
  const columns: TableColumnsType<Entry> = [
    { key: 'changedAt', title: t('opportunities.history.changedAt'), render: (_, e) => formatDateTime(e.changedAt) },
    { key: 'from', title: t('opportunities.history.from'), render: (_, e) => name(e.fromStage) },
    { key: 'to', title: t('opportunities.history.to'), render: (_, e) => name(e.toStage) },
    { key: 'time', title: t('opportunities.history.timeInStage'), render: (_, e) => duration(e.secondsInStage) },
    { key: 'by', title: t('opportunities.history.changedBy'), render: (_, e) => e.changedByName ?? t('common.none') },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={isPending}
      pagination={false}
      data-testid="stage-history"
    />
  );
}
