import { EditOutlined } from '@ant-design/icons';
import type { SalesEvent } from '@berth/domain';
import { App, Button, type ButtonProps, Card, Flex, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { UserPicker } from '../../components/user-picker';
import { useSetParticipants } from './use-sales-events';

/** Who takes part; an editor changes the list (at the event's version). */
export function ParticipantsCard({ event, editable }: { event: SalesEvent; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const save = useSetParticipants(event.id);
  const [editing, setEditing] = useState(false);
  const [userIds, setUserIds] = useState<string[]>([]);

  const open = () => {
    setUserIds(event.participants.map((p) => p.id));
    setEditing(true);
  };
  const submit = () =>
    save.mutate(
      { userIds, version: event.version },
      {
        onSuccess: () => {
          void message.success(t('salesEvents.participants.saved'));
          setEditing(false);
        },
        onError: (error) => handleError(error, { onConflict: () => setEditing(false) }),
      },
    );

  return (
    <Card
      title={t('salesEvents.participants.title')}
      extra={
        editable && (
          <Button size="small" icon={<EditOutlined />} onClick={open} data-testid="edit-participants">
            {t('salesEvents.participants.edit')}
          </Button>
        )
      }
      data-testid="event-participants-card"
    >
      {event.participants.length === 0 ? (
        <Typography.Text type="secondary">{t('salesEvents.participants.none')}</Typography.Text>
      ) : (
        <Flex wrap gap="small">
          {event.participants.map((p) => (
            <Tag key={p.id} data-testid="event-participant">
              {p.name}
            </Tag>
          ))}
        </Flex>
      )}
      {editing && (
        <Modal
          open
          title={t('salesEvents.participants.edit')}
          onOk={submit}
          onCancel={() => setEditing(false)}
          confirmLoading={save.isPending}
          okButtonProps={{ 'data-testid': 'save-participants' } as ButtonProps}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{t('salesEvents.participants.hint')}</Typography.Paragraph>
          <UserPicker
            mode="multiple"
            activeOnly
            value={userIds as unknown as string}
            onChange={(value) => setUserIds(value as unknown as string[])}
            style={{ width: '100%' }}
            aria-label={t('salesEvents.participants.title')}
          />
        </Modal>
      )}
    </Card>
  );
}
