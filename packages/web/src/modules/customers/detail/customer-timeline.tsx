import { type Customer, pageOf, timelineEntrySchema } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api-client';
import { formatDateTime, formatRelative } from '../../../app/format';
import { customerTimelineKey } from '../query-keys';
import { type TimelineEntry, useTimelineFormat } from './use-timeline-format';

const timelineSchema = pageOf(timelineEntrySchema);
/**
 * Access records ("viewed personal data") are for the audit log, not the customer's history: the server logs one
 * whenever a contact list reveals a single contact, which would flood the timeline.
 */
const hiddenActions = new Set(['read_personal_data']);
const actionColors: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', tag: 'purple' };

type Format = ReturnType<typeof useTimelineFormat>;

function EntryDetails({ entry, format }: { entry: TimelineEntry; format: Format }) {
  const { t } = useTranslation();
  if (entry.action === 'tag') {
    const added = format.tagNames(entry.meta?.add);
    const removed = format.tagNames(entry.meta?.remove);
    return (
      <Typography.Text type="secondary" data-testid="timeline-tags">
        {added.length > 0 && `${t('timeline.added')}${added.join(', ')}`}
        {added.length > 0 && removed.length > 0 && '; '}
        {removed.length > 0 && `${t('timeline.removed')}${removed.join(', ')}`}
      </Typography.Text>
    );
  }
  if (entry.action !== 'update' || !entry.changes) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="timeline-changes">
      {format.changeLines(entry).map((line) => (
        <li key={line.key}>
          <Typography.Text strong>{line.label}</Typography.Text>
          {': '}
          <Typography.Text delete type="secondary">
            {line.before}
          </Typography.Text>
          {' → '}
          <Typography.Text>{line.after}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** What happened to the customer and its contacts, newest first. */
export function CustomerTimeline({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: customerTimelineKey(customer.id),
    queryFn: ({ signal }) =>
      api.get(`/api/customers/${encodeURIComponent(customer.id)}/timeline`, timelineSchema, undefined, signal),
  });
  const entries = useMemo(
    () => (query.data?.items ?? []).filter((entry) => !hiddenActions.has(entry.action)),
    [query.data],
  );
  const format = useTimelineFormat(entries, customer);

  if (query.isPending) return <Spin />;
  if (entries.length === 0) return <Empty description={t('timeline.empty')} />;

  return (
    <Timeline
      data-testid="customer-timeline"
      items={entries.map((entry) => ({
        key: entry.id,
        color: actionColors[entry.action] ?? 'gray',
        content: (
          <Flex vertical gap={2} data-testid="timeline-entry">
            <span>
              <Typography.Text strong>{format.actor(entry)}</Typography.Text>{' '}
              <Tag color={actionColors[entry.action]} data-testid="timeline-action">
                {format.actionLabel(entry.action)}
              </Tag>
              {format.target(entry)}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <time dateTime={entry.at}>
                {formatRelative(entry.at)} · {formatDateTime(entry.at)}
              </time>
            </Typography.Text>
            <EntryDetails entry={entry} format={format} />
          </Flex>
        ),
      }))}
    />
  );
}
