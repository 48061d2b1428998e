import { BellOutlined } from '@ant-design/icons';
import { endpoints, type Notification } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../../app/api/call';
import { formatDateTime, formatRelative } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { useApiErrorHandler } from '../../app/use-api-error-handler';

const notificationKeys = { all: ['notifications'] as const };
const pollMs = 60_000;

/** Where a notification leads: its subject's page. */
function subjectPath(notification: Notification): string | null {
  if (notification.subjectType === 'customer' && notification.subjectId) {
    return `/customers/${encodeURIComponent(notification.subjectId)}`;
  }
  if (notification.subjectType === 'sales_event' && notification.subjectId) {
    return `/sales-events/${encodeURIComponent(notification.subjectId)}`;
  }
  if (notification.subjectType === 'shipment' && notification.subjectId) {
    return `/shipments/${encodeURIComponent(notification.subjectId)}`;
  }
  if (notification.subjectType === 'opportunity' && notification.subjectId) {
    return `/opportunities/${encodeURIComponent(notification.subjectId)}`;
  }
  return null;
}

/** The bell in the header: unread count (polled every minute) and the latest notifications in a dropdown. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const locale = currentLocale();

  const unread = useQuery({
    queryKey: [...notificationKeys.all, 'unread-count'],
    queryFn: ({ signal }) => call(endpoints.notifications.unreadCount, { signal }),
    refetchInterval: pollMs,
  });
  const list = useQuery({
    queryKey: [...notificationKeys.all, 'list', locale],
    queryFn: ({ signal }) => call(endpoints.notifications.list, { query: { limit: 20 }, signal }),
    enabled: open,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });

  const markRead = useMutation({
    mutationFn: (id: string) => call(endpoints.notifications.read, { params: { id } }),
    onSuccess: refresh,
    onError: (error) => handleError(error),
  });
  const markAll = useMutation({
    mutationFn: () => call(endpoints.notifications.readAll),
    onSuccess: refresh,
    onError: (error) => handleError(error),
  });

  const openNotification = (notification: Notification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    const path = subjectPath(notification);
    setOpen(false);
    if (path) navigate(path);
  };

  const count = unread.data?.count ?? 0;
  const content = (
    <Flex vertical style={{ width: 360, maxHeight: 440 }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ overflowY: 'auto' }}>
        {list.isPending ? (
          <Spin />
        ) : (list.data?.items ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          <List
            size="small"
            dataSource={list.data?.items ?? []}
            renderItem={(notification) => (
              <List.Item
                key={notification.id}
                onClick={() => openNotification(notification)}
                style={{ cursor: 'pointer', background: notification.readAt ? undefined : '#e6f4ff', paddingInline: 8 }}
                data-testid="notification-item"
                data-unread={notification.readAt ? undefined : 'true'}
              >
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Typography.Text strong={!notification.readAt}>{notification.title}</Typography.Text>
                  {notification.body && (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: notification.body }}>
                      {notification.body}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt)}>
                      {formatRelative(notification.createdAt, locale)}
                    </time>
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </div>
    </Flex>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) refresh();
      }}
    >
      <Button
        type="text"
        aria-label={t('notifications.bell', { count })}
        data-testid="notification-bell"
        icon={
          <Badge count={count} size="small" overflowCount={99} data-testid="notification-badge">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
