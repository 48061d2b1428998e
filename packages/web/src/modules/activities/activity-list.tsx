import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { type Activity, activityKinds, endpoints } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { formatDateTime } from '../../app/format';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useKeysetList } from '../../app/use-keyset-list';
import { LoadMore } from '../../components/load-more';
import { customerTimelineKey } from '../customers';
import { ActivityKindIcon, ActivityKindTag } from './activity-kind-tag';
import { LogActivityButton } from './log-activity-button';
import { LogActivityModal } from './log-activity-modal';
import { activityKeys } from './query-keys';
import { useActivityKindLabel } from './use-activity-labels';

/** The list's kind filter: all, one kind, or every WeChat conversation (personal and WeCom). */
type KindFilter = 'all' | 'wechat_all' | Activity['kind'];
const kindQuery = (filter: KindFilter): string | undefined =>
  filter === 'all' ? undefined : filter === 'wechat_all' ? 'wechat,wecom' : filter;

interface ActivityListProps {
  customerId: string;
  /** Only the activities about this opportunity (and new ones are linked to it). */
  opportunityId?: string;
}

/** The activities of a customer or of one of its opportunities, newest first, with "log activity" on top. */
export function ActivityList({ customerId, opportunityId }: ActivityListProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kindLabel = useActivityKindLabel();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Activity | null>(null);
  const [kind, setKind] = useState<KindFilter>('all');
  const scope = opportunityId ? { opportunityId } : { customerId };
  const baseKey = opportunityId ? activityKeys.opportunity(opportunityId) : activityKeys.customer(customerId);
  const list = useKeysetList({
    queryKey: [...baseKey, kind],
    endpoint: endpoints.activities.list,
    query: { ...scope, kind: kindQuery(kind) },
    pageSize: 20,
  });
  const counts = useQuery({
    queryKey: [...baseKey, 'counts'],
    queryFn: ({ signal }) => call(endpoints.activities.counts, { query: scope, signal }),
  });
  const countOf = (k: Activity['kind']) => counts.data?.byKind.find((c) => c.kind === k)?.count ?? 0;
  const kindOptions = [
    { value: 'all' as const, label: `${t('activities.allKinds')} ${counts.data?.total ?? ''}`.trim() },
    ...activityKinds
      .filter((k) => countOf(k) > 0 || k === kind)
      .map((k) => ({ value: k, label: `${kindLabel(k)} ${countOf(k)}`, icon: <ActivityKindIcon kind={k} /> })),
    ...(countOf('wechat') > 0 && countOf('wecom') > 0
      ? [
          {
            value: 'wechat_all' as const,
            label: `${t('activities.wechatAll')} ${countOf('wechat') + countOf('wecom')}`,
          },
        ]
      : []),
  ];
  const remove = useMutation({
    mutationFn: (activity: Activity) =>
      call(endpoints.activities.delete, { params: { id: activity.id }, version: activity.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: customerTimelineKey(customerId) });
      void message.success(t('activities.deleted'));
    },
    onError: (error) => handleError(error),
  });

  return (
    <Flex vertical gap={16} data-testid="activity-list">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Segmented<KindFilter>
          size="small"
          value={kind}
          onChange={setKind}
          options={kindOptions}
          data-testid="activity-kind-filter"
        />
        <LogActivityButton customerId={customerId} opportunityId={opportunityId} />
      </Flex>
      {list.loading ? (
        <Spin />
      ) : list.items.length === 0 ? (
        <Empty description={t('activities.empty')} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={list.items}
          renderItem={(activity) => (
            <List.Item
              key={activity.id}
              data-testid="activity-item"
              actions={[
                activity.canUpdate && (
                  <Button
                    key="edit"
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(activity)}
                  >
                    {t('common.edit')}
                  </Button>
                ),
                activity.canDelete && (
                  <Popconfirm
                    key="delete"
                    title={t('activities.confirmDelete')}
                    onConfirm={() => remove.mutateAsync(activity).catch(() => undefined)}
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                ),
              ].filter(Boolean)}
            >
              <Space size={8} wrap>
                <ActivityKindTag kind={activity.kind} />
                <Typography.Text
                  strong
                  type={activity.subject ? undefined : 'secondary'}
                  data-testid="activity-subject-text"
                >
                  {activity.displaySubject}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <time dateTime={activity.occurredAt}>{formatDateTime(activity.occurredAt)}</time>
                  {activity.durationMinutes ? ` · ${activity.durationMinutes} min` : ''}
                  {activity.ownerName ? ` · ${t('activities.loggedBy', { name: activity.ownerName })}` : ''}
                </Typography.Text>
                {activity.opportunityTitle && <Tag>{activity.opportunityTitle}</Tag>}
              </Space>
              {activity.outcome && (
                <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="activity-outcome-text">
                  {t('activities.fields.outcome')}: {activity.outcome}
                </Typography.Paragraph>
              )}
              {activity.minutes && (
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                  {activity.minutes}
                </Typography.Paragraph>
              )}
              {(activity.participants.users.length > 0 || activity.participants.contacts.length > 0) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('activities.with', {
                    names: [...activity.participants.users, ...activity.participants.contacts]
                      .map((p) => p.name)
                      .join(', '),
                  })}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      )}
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
      {editing && <LogActivityModal customerId={customerId} activity={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
