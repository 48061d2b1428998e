import { type DatabaseUpkeep, endpoints, type UpkeepRun, type UpkeepTable } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { formatBytes, formatDateTime, formatNumber } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';

function runDuration(run: UpkeepRun): string {
  if (!run.finishedAt) return '…';
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The embedded database's size, its largest tables, and its rounds of vacuum and analyse. */
export function DatabaseUpkeepPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const upkeep = useQuery({
    queryKey: adminKeys.databaseUpkeep,
    queryFn: () => call(endpoints.databaseUpkeep.get),
    // While a round is queued or running, follow it.
    refetchInterval: (query) => (query.state.data?.pending ? 3000 : false),
  });
  const runNow = useMutation({
    mutationFn: () => call(endpoints.databaseUpkeep.run),
    onSuccess: (answer: DatabaseUpkeep) => {
      queryClient.setQueryData(adminKeys.databaseUpkeep, answer);
      void message.success(t('upkeep.queued'));
    },
    onError: (error) => handleError(error),
  });

  const data = upkeep.data;
  const lastRun = data?.runs[0];
  return (
    <>
      <PageTitle title={t('upkeep.title')} />
      {data?.managedBy === 'postgres' ? (
        <Alert type="info" showIcon message={t('upkeep.managedByPostgres')} data-testid="upkeep-postgres" />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('upkeep.intro')}</Typography.Paragraph>
          <Card loading={upkeep.isLoading}>
            <Row gutter={24} align="middle">
              <Col xs={24} md={8}>
                <Statistic
                  title={t('upkeep.size')}
                  value={formatBytes(data?.databaseBytes, i18n.language)}
                  valueRender={(node) => <span data-testid="upkeep-size">{node}</span>}
                />
              </Col>
              <Col xs={24} md={8}>
                <Statistic
                  title={t('upkeep.lastRound')}
                  value={lastRun ? formatDateTime(lastRun.finishedAt ?? lastRun.startedAt) : t('upkeep.never')}
                  valueRender={(node) => <span data-testid="upkeep-last">{node}</span>}
                />
              </Col>
              <Col xs={24} md={8}>
                {data?.pending ? (
                  <Tag color="processing" data-testid="upkeep-pending">
                    {t('upkeep.pending')}
                  </Tag>
                ) : (
                  can('database', 'update') && (
                    <Button
                      type="primary"
                      loading={runNow.isPending}
                      onClick={() => runNow.mutate()}
                      data-testid="upkeep-run"
                    >
                      {t('upkeep.runNow')}
                    </Button>
                  )
                )}
              </Col>
            </Row>
          </Card>
          <Card title={t('upkeep.largestTables')} size="small">
            <Table<UpkeepTable>
              rowKey="name"
              size="small"
              pagination={false}
              loading={upkeep.isLoading}
              dataSource={data?.tables ?? []}
              data-testid="upkeep-tables"
              columns={[
                { key: 'name', title: t('upkeep.table'), dataIndex: 'name' },
                {
                  key: 'bytes',
                  title: t('upkeep.bytes'),
                  align: 'right',
                  render: (_, row) => formatBytes(row.bytes, i18n.language),
                },
                {
                  key: 'live',
                  title: t('upkeep.liveRows'),
                  align: 'right',
                  render: (_, row) => formatNumber(row.liveRows, i18n.language),
                },
                {
                  key: 'dead',
                  title: t('upkeep.deadRows'),
                  align: 'right',
                  render: (_, row) => formatNumber(row.deadRows, i18n.language),
                },
                { key: 'vacuum', title: t('upkeep.lastVacuum'), render: (_, row) => formatDateTime(row.lastVacuum) },
              ]}
            />
          </Card>
          <Card title={t('upkeep.rounds')} size="small">
            <Table<UpkeepRun>
              rowKey="id"
              size="small"
              pagination={false}
              loading={upkeep.isLoading}
              dataSource={data?.runs ?? []}
              data-testid="upkeep-runs"
              columns={[
                { key: 'started', title: t('upkeep.startedAt'), render: (_, run) => formatDateTime(run.startedAt) },
                { key: 'trigger', title: t('upkeep.trigger'), render: (_, run) => t(`upkeep.triggers.${run.trigger}`) },
                { key: 'kind', title: t('upkeep.kind'), render: (_, run) => t(`upkeep.kinds.${run.kind}`) },
                { key: 'tables', title: t('upkeep.tablesDone'), align: 'right', render: (_, run) => run.tables.length },
                { key: 'duration', title: t('upkeep.duration'), align: 'right', render: (_, run) => runDuration(run) },
                {
                  key: 'size',
                  title: t('upkeep.sizeChange'),
                  render: (_, run) =>
                    run.error ? (
                      <Typography.Text type="danger">{t('upkeep.failed', { error: run.error })}</Typography.Text>
                    ) : (
                      `${formatBytes(run.databaseBytesBefore, i18n.language)} → ${formatBytes(run.databaseBytesAfter, i18n.language)}`
                    ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
