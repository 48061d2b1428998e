import {
  type DataIssueKind,
  type DataQualityReport,
  type DuplicateKind,
  defaultStaleMonths,
  endpoints,
} from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Drawer, Empty, Flex, List, Progress, Row, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../app/api/call';
import { useKeysetList } from '../../app/use-keyset-list';
import { FullPageSpin } from '../../components/full-page-spin';
import { LoadMore } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { DismissedGroupsDrawer } from './dismissed-groups-drawer';
import { DuplicateGroupView } from './duplicate-group-view';
import { IssueListDrawer } from './issue-list-drawer';
import { dataQualityKeys } from './query-keys';

const staleChoices = [3, 6, 12, 24, 36];

type Issue = DataQualityReport['issues'][number];

/** Data quality of the customers the user may see: completeness, invalid values, duplicates, stale records. */
export function DataQualityPage() {
  const { t } = useTranslation();
  const [staleMonths, setStaleMonths] = useState(defaultStaleMonths);
  const [drill, setDrill] = useState<DataIssueKind | null>(null);
  const [allGroups, setAllGroups] = useState<DuplicateKind | null>(null);
  const [showDismissed, setShowDismissed] = useState(false);
  const report = useQuery({
    queryKey: [...dataQualityKeys.root, 'report', staleMonths],
    queryFn: ({ signal }) => call(endpoints.dataQuality.report, { query: { staleMonths }, signal }),
    placeholderData: (previous) => previous,
  });

  if (report.isPending) return <FullPageSpin />;
  const data = report.data;
  if (!data) return <Empty />;
  const issues = data.issues.filter((issue) => issue.kind !== 'stale');
  const stale = data.issues.find((issue) => issue.kind === 'stale');

  return (
    <div data-testid="data-quality">
      <PageTitle title={t('dataQuality.title')} />
      <Typography.Paragraph type="secondary">{t('dataQuality.total', { count: data.total })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('dataQuality.completeness')} data-testid="dq-completeness">
            {data.completeness.map((item) => (
              <div key={item.field} data-testid={`dq-field-${item.field}`}>
                <Flex justify="space-between">
                  <Typography.Text>{t(`dataQuality.fields.${item.field}`)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {item.filled} / {data.total}
                  </Typography.Text>
                </Flex>
                <Progress percent={item.percent} size="small" />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dataQuality.issues')} data-testid="dq-issues">
            <List
              dataSource={issues}
              renderItem={(issue) => <IssueRow issue={issue} onOpen={() => setDrill(issue.kind)} />}
            />
          </Card>
          <Card
            title={t('dataQuality.stale')}
            style={{ marginTop: 16 }}
            data-testid="dq-stale"
            extra={
              <Select
                aria-label={t('dataQuality.staleSelect')}
                value={staleMonths}
                onChange={setStaleMonths}
                options={staleChoices.map((months) => ({
                  value: months,
                  label: t('dataQuality.staleMonths', { count: months }),
                }))}
                style={{ width: 120 }}
                data-testid="dq-stale-months"
              />
            }
          >
            <Typography.Paragraph type="secondary">
              {t('dataQuality.staleHint', { months: staleMonths })}
            </Typography.Paragraph>
            {stale && <IssueRow issue={stale} onOpen={() => setDrill('stale')} />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={t('dataQuality.duplicates')}
            data-testid="dq-duplicates"
            extra={
              <Button type="link" onClick={() => setShowDismissed(true)} data-testid="dq-open-dismissed">
                {t('dataQuality.showDismissed')}
              </Button>
            }
          >
            <Row gutter={[16, 16]}>
              {data.duplicates.map((dup) => (
                <Col xs={24} lg={8} key={dup.kind}>
                  <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                    <Statistic
                      title={t(`dataQuality.duplicateKinds.${dup.kind}`)}
                      value={t('dataQuality.groups', { count: dup.groups })}
                    />
                    {dup.groups > dup.examples.length && (
                      <Button type="link" onClick={() => setAllGroups(dup.kind)}>
                        {t('dataQuality.moreGroups')}
                      </Button>
                    )}
                  </Flex>
                  <Flex vertical gap="small">
                    {dup.examples.map((group) => (
                      <DuplicateGroupView key={group.key} group={group} />
                    ))}
                  </Flex>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      {drill && <IssueListDrawer kind={drill} staleMonths={staleMonths} onClose={() => setDrill(null)} />}
      {allGroups && <DuplicateGroupsDrawer kind={allGroups} onClose={() => setAllGroups(null)} />}
      {showDismissed && <DismissedGroupsDrawer onClose={() => setShowDismissed(false)} />}
    </div>
  );
}

function IssueRow({ issue, onOpen }: { issue: Issue; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <List.Item
      data-testid={`dq-issue-${issue.kind}`}
      actions={
        issue.count > 0
          ? [
              <Button key="open" type="link" onClick={onOpen} data-testid={`dq-open-${issue.kind}`}>
                {t('dataQuality.showList')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Flex gap="small" align="baseline">
            <span>{t(`dataQuality.kinds.${issue.kind}`)}</span>
            <Typography.Text type={issue.count > 0 ? 'danger' : 'success'} strong data-testid="dq-issue-count">
              {t('dataQuality.count', { count: issue.count })}
            </Typography.Text>
            <Typography.Text type="secondary">{issue.percent}%</Typography.Text>
          </Flex>
        }
        description={
          issue.count === 0 ? (
            t('dataQuality.none')
          ) : (
            <Flex gap="small" wrap>
              {issue.examples.map((example) => (
                <Link key={example.id} to={`/customers/${encodeURIComponent(example.id)}`}>
                  {example.code} {example.name}
                  {example.value ? ` (${example.value})` : ''}
                </Link>
              ))}
            </Flex>
          )
        }
      />
    </List.Item>
  );
}

function DuplicateGroupsDrawer({ kind, onClose }: { kind: DuplicateKind; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useKeysetList({
    queryKey: [...dataQualityKeys.root, 'duplicates', kind],
    endpoint: endpoints.dataQuality.duplicateGroups,
    query: { kind },
    pageSize: 20,
  });
  return (
    <Drawer open width={640} title={t(`dataQuality.duplicateKinds.${kind}`)} onClose={onClose} destroyOnHidden>
      <Flex vertical gap="small">
        {list.items.map((group) => (
          <DuplicateGroupView key={group.key} group={group} />
        ))}
      </Flex>
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
    </Drawer>
  );
}
