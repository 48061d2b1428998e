import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface SecretOnceModalProps {
  secret: string;
  onClose: () => void;
  /** Title, warning, the done button and the field's label, in the reader's language. */
  texts: { title: string; warning: string; done: string; label: string };
  testId: string;
}

/** Shows a secret the server keeps only hashed (an API key, a webhook's signing secret) this once, with a copy button. */
export function SecretOnceModal({ secret, onClose, texts, testId }: SecretOnceModalProps) {
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
      title={texts.title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      onOk={onClose}
      okText={texts.done}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon title={texts.warning} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={secret}
          aria-label={texts.label}
          data-testid={testId}
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
