import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a subscription's signing secret this once (after creating it or replacing it), with a copy button. */
export function WebhookSecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      void message.success(t('common.copied'));
    } catch {
      void message.warning(t('common.copyFailed'));
    }
  };
  return (
    <Modal
      open
      title={t('webhooks.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      onOk={onClose}
      okText={t('webhooks.secretDone')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon title={t('webhooks.secretWarning')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={secret}
          aria-label={t('webhooks.secret')}
          data-testid="webhook-secret"
          onFocus={(event) => event.target.select()}
          style={{ fontFamily: 'monospace' }}
        />
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('common.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
