import { type Customer, endpoints } from '@berth/domain';
import { Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatRelative } from '../../../app/format';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { OwnershipEntryDetails } from '../../pool';
import { customerTimelineKey } from '../query-keys';
import { customerHref, type TimelineEntry, useTimelineFormat } from './use-timeline-format';

/**
 * Access records ("viewed personal data") are for the audit log, not the customer's history: the server logs one
 * whenever a contact list reveals a single contact, which would flood the timeline.
 */
const hiddenActions = new Set(['read_personal_data']);
const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  tag: 'purple',
  claim: 'gold',
  release: 'orange',
  assign: 'gold',
  handover: 'gold',
  auto_return: 'orange',
};

type Format = ReturnType<typeof useTimelineFormat>;

function EntryDetails({ entry, format }: { entry: TimelineEntry; format: Format }) {
  const { t } = useTranslation();
  if (entry.kind === 'ownership') return <OwnershipEntryDetails entry={entry} lines={format.changeLines(entry)} />;
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
  if (entry.entity === 'customers' && entry.action === 'merge') {
    const from = entry.customers?.[0];
    const code = typeof entry.meta?.sourceCode === 'string' ? entry.meta.sourceCode : '';
    const name = typeof entry.meta?.sourceName === 'string' ? entry.meta.sourceName : '';
    return (
      <Typography.Text type="secondary" data-testid="timeline-merged-from">
        {t('timeline.mergedFrom')}
        {from ? <Link to={customerHref(from.id)}>{`${from.code} ${from.name}`}</Link> : `${code} ${name}`}
      </Typography.Text>
    );
  }
  if (entry.action === 'duplicate_confirmed' && typeof entry.meta?.reason === 'string') {
    return (
      <Typography.Text type="secondary" data-testid="timeline-duplicate-reason">
        {t('timeline.duplicateReason')}
        {entry.meta.reason}
      </Typography.Text>
    );
  }
  const summary = format.summary(entry);
  if (summary) {
    return (
      <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }} data-testid="timeline-summary">
        {summary}
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
            {line.beforeHref ? <Link to={line.beforeHref}>{line.before}</Link> : line.before}
          </Typography.Text>
          {' → '}
          <Typography.Text>
            {line.afterHref ? <Link to={line.afterHref}>{line.after}</Link> : line.after}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** What happened to the customer and its contacts, newest first. */
export function CustomerTimeline({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const list = useKeysetList({
    queryKey: customerTimelineKey(customer.id),
    endpoint: endpoints.customers.timeline,
    params: { id: customer.id },
  });
  const entries = useMemo(() => list.items.filter((entry) => !hiddenActions.has(entry.action)), [list.items]);
  const format = useTimelineFormat(entries, customer);

  if (list.loading) return <Spin />;
  if (entries.length === 0 && !list.hasMore) return <Empty description={t('timeline.empty')} />;

  return (
    <>
      <Timeline
        data-testid="customer-timeline"
        items={entries.map((entry) => ({
          key: entry.id,
          color: format.color(entry) ?? actionColors[entry.action] ?? 'gray',
          content: (
            <Flex vertical gap={2} data-testid="timeline-entry">
              <span>
                <Typography.Text strong>{format.actor(entry)}</Typography.Text>{' '}
                <Tag color={format.color(entry) ?? actionColors[entry.action]} data-testid="timeline-action">
                  {format.actionLabel(entry)}
                </Tag>
                {format.target(entry)}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <time dateTime={entry.at}>
                  {formatRelative(entry.at, i18n.language)} · {formatDateTime(entry.at)}
                </time>
              </Typography.Text>
              <EntryDetails entry={entry} format={format} />
            </Flex>
          ),
        }))}
      />
      <LoadMore count={entries.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </>
  );
}
