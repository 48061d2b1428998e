import { endpoints, type SessionInfo } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { formatDateTime } from '../../app/format';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { sessionsQueryKey, useSessions } from './sessions-query';

export function SessionsCard() {
  const { t } = useTranslation();
  const { data, isPending } = useSessions();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const revoke = useMutation({
    mutationFn: (id: string) => call(endpoints.me.endSession, { params: { id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
      void message.success(t('account.revoked'));
    },
    onError: (error) => handleError(error),
  });

  const columns: TableColumnsType<SessionInfo> = [
    {
      title: t('account.device'),
      dataIndex: 'userAgent',
      width: 420,
      ellipsis: true,
      render: (userAgent: string | null, session) => (
        <>
          {session.current && <Tag color="green">{t('account.current')}</Tag>}
          <Typography.Text title={userAgent ?? undefined}>{userAgent ?? t('account.unknownDevice')}</Typography.Text>
        </>
      ),
    },
    { title: t('account.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? t('common.none') },
    { title: t('account.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('account.lastSeenAt'), dataIndex: 'lastSeenAt', render: formatDateTime },
    { title: t('account.expiresAt'), dataIndex: 'expiresAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, session) =>
        session.current ? null : (
          <Popconfirm title={t('account.confirmRevoke')} onConfirm={() => revoke.mutate(session.id)}>
            <Button type="link" danger size="small">
              {t('account.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card title={t('account.sessions')}>
      <Typography.Paragraph type="secondary">{t('account.sessionsHint')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isPending}
        pagination={false}
        tableLayout="fixed"
      />
    </Card>
  );
}
