import { useTranslation } from 'react-i18next';
import { SecretOnceModal } from '../../../components/secret-once-modal';

/** Shows a new key's secret exactly once, with a copy button. */
export function ApiKeySecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  const texts = {
    title: t('apiKeys.secretTitle'),
    warning: t('apiKeys.secretWarning'),
    done: t('apiKeys.secretDone'),
    label: t('apiKeys.secretLabel'),
  };
  return <SecretOnceModal secret={secret} onClose={onClose} texts={texts} testId="api-key-secret" />;
}
