import { useTranslation } from 'react-i18next';
import { SecretOnceModal } from '../../../components/secret-once-modal';

/** Shows a subscription's signing secret this once (after creating it or replacing it), with a copy button. */
export function WebhookSecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  const texts = {
    title: t('webhooks.secretTitle'),
    warning: t('webhooks.secretWarning'),
    done: t('webhooks.secretDone'),
    label: t('webhooks.secret'),
  };
  return <SecretOnceModal secret={secret} onClose={onClose} texts={texts} testId="webhook-secret" />;
}
