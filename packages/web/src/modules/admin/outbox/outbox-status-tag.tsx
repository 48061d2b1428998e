import type { OutboxMessage } from '@berth/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<OutboxMessage['status'], string> = {
  pending: 'blue',
  sent: 'green',
  held: 'gold',
  failed: 'red',
};

export function OutboxStatusTag({ status }: { status: OutboxMessage['status'] }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`outbox.statusValues.${status}`)}</Tag>;
}
