import type { User } from '@berth/domain';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';

export function isLocked(user: Pick<User, 'lockedUntil'>): boolean {
  return user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs());
}

export function UserStatusTag({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <>
      {user.status === 'active' ? (
        <Tag color="green">{t('users.statusValues.active')}</Tag>
      ) : (
        <Tag color="default">{t('users.statusValues.disabled')}</Tag>
      )}
      {isLocked(user) && (
        <Tag color="orange" title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
          {t('users.statusValues.locked')}
        </Tag>
      )}
    </>
  );
}
