import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface ApiKeySecretModalProps {
  secret: string;
  onClose: () => void;
}

/** Shows a new key's secret exactly once, with a copy button. */
export function ApiKeySecretModal({ secret, onClose }: ApiKeySecretModalProps) {
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
      title={t('apiKeys.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      onOk={onClose}
      okText={t('apiKeys.secretDone')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon title={t('apiKeys.secretWarning')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={secret}
          aria-label={t('apiKeys.secretLabel')}
          data-testid="api-key-secret"
          onFocus={(event) => event.target.select()}
          style={{ fontFamily: 'monospace' }}
        />
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="copy-secret">
          {t('common.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
