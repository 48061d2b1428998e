import { deliveryErrorText, type OutboxMessage } from '@berth/domain';
import { Button, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { OutboxStatusTag } from './outbox-status-tag';

type Status = OutboxMessage['status'];
const retryable = new Set<Status>(['held', 'failed']);

interface OutboxActions {
  onView: (message: OutboxMessage) => void;
  /** Present only with outbox.update; offered for held and failed messages. */
  onRetry?: (message: OutboxMessage) => void;
  retryingId?: string;
}

export function useOutboxColumns({ onView, onRetry, retryingId }: OutboxActions): TableColumnsType<OutboxMessage> {
  const { t } = useTranslation();
  return [
    { title: t('outbox.recipient'), dataIndex: 'recipient' },
    { title: t('outbox.subject'), dataIndex: 'subject', ellipsis: true },
    { title: t('outbox.status'), dataIndex: 'status', render: (value: Status) => <OutboxStatusTag status={value} /> },
    { title: t('outbox.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('outbox.lastError'),
      key: 'lastError',
      ellipsis: true,
      render: (_value, item) => lastErrorText(item) ?? t('common.none'),
    },
    { title: t('outbox.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('outbox.sentAt'), dataIndex: 'sentAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, item) => (
        <>
          <Button type="link" size="small" onClick={() => onView(item)}>
            {t('outbox.viewBody')}
          </Button>
          {onRetry && retryable.has(item.status) && (
            <Button type="link" size="small" loading={retryingId === item.id} onClick={() => onRetry(item)}>
              {t('outbox.retry')}
            </Button>
          )}
        </>
      ),
    },
  ];
}

/** The last delivery error in the reader's language, from its code (the server's sentence only as a fallback). */
export function lastErrorText(message: OutboxMessage): string | null {
  if (message.lastErrorCode) {
    return deliveryErrorText({ code: message.lastErrorCode, params: message.lastErrorParams }, currentLocale());
  }
  return message.lastError;
}
