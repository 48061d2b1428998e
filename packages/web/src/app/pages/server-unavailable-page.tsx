import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

interface ServerUnavailablePageProps {
  onRetry: () => void;
}

export function ServerUnavailablePage({ onRetry }: ServerUnavailablePageProps) {
  const { t } = useTranslation();
  return (
    <Result
      status="500"
      title={t('errors.serverUnavailableTitle')}
      subTitle={t('errors.serverUnavailable')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
