import type { User } from '@berth/domain';
import { App, type ButtonProps } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/permissions';
import { useHandoverPreview } from '../../pool';

/**
 * After a user is deactivated: if they still own customers the administrator may hand over, say
 * how many and offer the handover. Deactivation itself is never held up by it.
 */
export function useHandoverOffer(openHandover: (fromUserId: string) => void): (user: User) => void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const can = useCan();
  const preview = useHandoverPreview();
  return useCallback(
    (user: User) => {
      if (!can('customers', 'assign')) return;
      preview(user.id).then(
        ({ count }) => {
          if (count === 0) return;
          modal.confirm({
            title: t('users.stillOwnsTitle', { name: user.name }),
            content: t('users.stillOwns', { name: user.name, count }),
            okText: t('users.handoverNow'),
            cancelText: t('users.handoverLater'),
            okButtonProps: { 'data-testid': 'offer-handover' } as ButtonProps,
            onOk: () => openHandover(user.id),
          });
        },
        // Only an offer: if the count cannot be read, the handover stays one click away in the row.
        () => undefined,
      );
    },
    [can, preview, modal, t, openHandover],
  );
}
