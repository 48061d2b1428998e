import { DeleteOutlined, EditOutlined, NumberOutlined, TeamOutlined } from '@ant-design/icons';
import { endpoints, type Permissions, type Segment, scopeOf } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Switch, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../../../app/api/call';
import { apiUrl } from '../../../app/api/transport';
import { useUserLookup } from '../../../app/directory-lookups';
import { useCan } from '../../../app/permissions';
import { useMe } from '../../../app/session';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { SegmentFilterSummary } from './segment-filter-summary';
import { SegmentFormModal } from './segment-form-modal';
import { segmentDetailKey, segmentKeys } from './use-segments';

/** The live member count, fetched only when asked for: counting is per segment, on demand. */
function MemberCount({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const query = useQuery({
    queryKey: segmentDetailKey(segment.id),
    queryFn: ({ signal }) => call(endpoints.segments.get, { params: { id: segment.id }, signal }),
    enabled: asked,
  });
  if (!asked) {
    return (
      <Tooltip title={t('segments.countHint')}>
        <Button size="small" icon={<NumberOutlined />} onClick={() => setAsked(true)} data-testid="segment-count">
          {t('segments.count')}
        </Button>
      </Tooltip>
    );
  }
  if (query.isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  return (
    <Typography.Text strong data-testid="segment-member-count">
      {query.data?.memberCount ?? t('common.none')}
    </Typography.Text>
  );
}

export function SegmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const users = useUserLookup().byId;
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [mine, setMine] = useState(false);
  const [editing, setEditing] = useState<Segment | null>(null);
  const list = useKeysetList({
    queryKey: segmentKeys.segments,
    endpoint: endpoints.segments.list,
    query: { mine: mine ? 'true' : undefined },
  });
  const remove = useMutation({
    mutationFn: (segment: Segment) =>
      call(endpoints.segments.delete, { params: { id: segment.id }, version: segment.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.segments });
      void message.success(t('common.deleted'));
    },
    onError: (error) => handleError(error),
  });

  const openMembers = (segment: Segment) => {
    navigate(apiUrl('/customers', { segment: segment.id }));
  };

  const columns: TableColumnsType<Segment> = [
    {
      title: t('segments.name'),
      key: 'name',
      render: (_value, segment) => (
        <>
          <div>
            {segment.name}{' '}
            <Tag color={segment.shared ? 'blue' : 'default'}>
              {segment.shared ? t('segments.sharedTag') : t('segments.privateTag')}
            </Tag>
          </div>
          {segment.description && <Typography.Text type="secondary">{segment.description}</Typography.Text>}
        </>
      ),
    },
    {
      title: t('segments.filters'),
      key: 'filters',
      render: (_value, segment) => <SegmentFilterSummary filters={segment.filters} />,
    },
    {
      title: t('segments.owner'),
      dataIndex: 'ownerId',
      render: (ownerId: string) => users.get(ownerId)?.name ?? t('common.none'),
    },
    {
      title: t('segments.members'),
      key: 'members',
      render: (_value, segment) => <MemberCount key={`${segment.id}:${segment.version}`} segment={segment} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, segment) => {
        // Others' segments only with organisation-wide rights; the server enforces the same.
        const mayChange = (action: string) =>
          segment.ownerId === me?.user.id
            ? can('segments', action)
            : scopeOf((me?.permissions ?? {}) as Permissions, 'segments', action) === 'org';
        return (
          <Flex gap={4} wrap>
            <Button
              size="small"
              icon={<TeamOutlined />}
              onClick={() => openMembers(segment)}
              data-testid="segment-open"
            >
              {t('segments.openMembers')}
            </Button>
            {mayChange('update') && (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setEditing(segment)}
                data-testid="segment-edit"
              />
            )}
            {mayChange('delete') && (
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                data-testid="segment-delete"
                onClick={() =>
                  modal.confirm({
                    title: t('common.confirmDelete', { name: segment.name }),
                    okButtonProps: { danger: true },
                    onOk: () => remove.mutateAsync(segment),
                  })
                }
              />
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <PageTitle
        title={t('segments.title')}
        extra={
          <Flex gap="small" align="center">
            <Typography.Text>{t('segments.mine')}</Typography.Text>
            <Switch checked={mine} onChange={setMine} data-testid="segments-mine" />
          </Flex>
        }
      />
      {can('segments', 'create') && (
        <Alert type="info" showIcon message={t('segments.fromList')} style={{ marginBottom: 16 }} />
      )}
      <KeysetTable
        list={list}
        columns={columns}
        locale={{ emptyText: t('segments.empty') }}
        data-testid="segment-table"
      />
      {editing && <SegmentFormModal segment={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
