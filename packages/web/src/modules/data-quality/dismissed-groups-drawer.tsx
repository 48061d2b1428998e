import { UndoOutlined } from '@ant-design/icons';
import { type DuplicateDismissalItem, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../app/api/call';
import { useUserLookup } from '../../app/directory-lookups';
import { formatDateTime } from '../../app/format';
import { useCan } from '../../app/permissions';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useKeysetList } from '../../app/use-keyset-list';
import { KeysetTable } from '../../components/keyset-table';
import { dataQualityKeys } from './query-keys';

/**
 * The groups marked "not duplicates", newest first: which customers, who decided and when.
 * Undoing a decision puts the group back among the duplicates awaiting review.
 */
export function DismissedGroupsDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const users = useUserLookup().byId;
  const list = useKeysetList({
    queryKey: [...dataQualityKeys.root, 'dismissals'],
    endpoint: endpoints.dataQuality.dismissals,
    pageSize: 20,
  });
  const undo = useMutation({
    mutationFn: (dismissal: DuplicateDismissalItem) =>
      call(endpoints.dataQuality.undoDismissal, { params: { id: dismissal.id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dataQualityKeys.root });
      void message.success(t('dataQuality.undone'));
    },
    onError: (error) => handleError(error),
  });

  const columns: TableColumnsType<DuplicateDismissalItem> = [
    {
      title: t('dataQuality.dismissedGroup'),
      key: 'group',
      render: (_value, dismissal) => (
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">
            <Tag>{t(`dataQuality.duplicateKinds.${dismissal.kind}`)}</Tag>
            {dismissal.key}
          </Typography.Text>
          {dismissal.customers.map((customer) => (
            <Link key={customer.id} to={`/customers/${encodeURIComponent(customer.id)}`}>
              {customer.code} {customer.name}
            </Link>
          ))}
        </Flex>
      ),
    },
    {
      title: t('dataQuality.dismissedBy'),
      dataIndex: 'dismissedBy',
      render: (id: string | null) => (id ? (users.get(id)?.name ?? t('common.none')) : t('common.none')),
    },
    { title: t('dataQuality.dismissedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];
  if (can('customers', 'merge')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, dismissal) => (
        <Popconfirm title={t('dataQuality.undoConfirm')} onConfirm={() => undo.mutateAsync(dismissal)}>
          <Button
            type="link"
            size="small"
            icon={<UndoOutlined />}
            loading={undo.isPending && undo.variables?.id === dismissal.id}
            data-testid="dismissal-undo"
          >
            {t('dataQuality.undo')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <Drawer open width={720} title={t('dataQuality.dismissedTitle')} onClose={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('dataQuality.dismissedIntro')}</Typography.Paragraph>
      <KeysetTable
        list={list}
        columns={columns}
        size="small"
        locale={{ emptyText: t('dataQuality.dismissedEmpty') }}
        data-testid="dismissal-table"
      />
    </Drawer>
  );
}
