import type { OutboxMessage } from '@berth/domain';
import { Descriptions, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { OutboxStatusTag } from './outbox-status-tag';
import { lastErrorText } from './use-outbox-columns';

interface OutboxMessageDrawerProps {
  message: OutboxMessage | null;
  onClose: () => void;
}

/** A message's envelope and body; the body is shown as plain text, never as HTML. */
export function OutboxMessageDrawer({ message, onClose }: OutboxMessageDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer open={message !== null} onClose={onClose} title={t('outbox.details')} size={640}>
      {message && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'recipient', label: t('outbox.recipient'), children: message.recipient },
              { key: 'subject', label: t('outbox.subject'), children: message.subject },
              { key: 'channel', label: t('outbox.channel'), children: message.channel },
              {
                key: 'status',
                label: t('outbox.status'),
                children: <OutboxStatusTag status={message.status} />,
              },
              { key: 'attempts', label: t('outbox.attempts'), children: message.attempts },
              {
                key: 'lastError',
                label: t('outbox.lastError'),
                children: lastErrorText(message) ?? t('common.none'),
              },
              { key: 'createdAt', label: t('outbox.createdAt'), children: formatDateTime(message.createdAt) },
              { key: 'sentAt', label: t('outbox.sentAt'), children: formatDateTime(message.sentAt) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('outbox.body')}
          </Typography.Title>
          <pre
            data-testid="outbox-body"
            style={{
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              padding: 12,
              background: '#fafafa',
              borderRadius: 6,
            }}
          >
            {message.body}
          </pre>
        </>
      )}
    </Drawer>
  );
}
