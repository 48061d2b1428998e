import { endpoints } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { formatDateTime } from '../../app/format';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { taskKeys } from './query-keys';

/** The caller's private iCalendar feed: make (or replace) the address, see it once, or turn the feed off. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const feed = useQuery({
    queryKey: taskKeys.feed,
    queryFn: ({ signal }) => call(endpoints.calendar.feed, { signal }),
  });
  const create = useMutation({
    mutationFn: () => call(endpoints.calendar.createFeed),
    onSuccess: (created) => {
      setUrl(created.url);
      void queryClient.invalidateQueries({ queryKey: taskKeys.feed });
    },
    onError: (error) => handleError(error),
  });
  const revoke = useMutation({
    mutationFn: () => call(endpoints.calendar.revokeFeed),
    onSuccess: () => {
      setUrl(null);
      void queryClient.invalidateQueries({ queryKey: taskKeys.feed });
      void message.success(t('calendar.feedRevoked'));
    },
    onError: (error) => handleError(error),
  });
  const active = feed.data?.active ?? false;

  return (
    <Card title={t('calendar.feedTitle')} size="small" data-testid="calendar-feed">
      <Typography.Paragraph type="secondary">{t('calendar.feedIntro')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="calendar-feed-status">
        {active ? t('calendar.feedActive', { at: formatDateTime(feed.data?.createdAt) }) : t('calendar.feedNone')}
      </Typography.Paragraph>
      {url && (
        <Typography.Paragraph>
          {t('calendar.feedUrl')}{' '}
          <Typography.Text code copyable data-testid="calendar-feed-url">
            {url}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Flex gap={8}>
        <Button
          type="primary"
          loading={create.isPending}
          onClick={() => create.mutate()}
          data-testid="calendar-feed-create"
        >
          {active ? t('calendar.feedRotate') : t('calendar.feedCreate')}
        </Button>
        {active && (
          <Popconfirm title={t('calendar.feedRevoke')} onConfirm={() => revoke.mutateAsync().catch(() => undefined)}>
            <Button danger loading={revoke.isPending} data-testid="calendar-feed-revoke">
              {t('calendar.feedRevoke')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}
