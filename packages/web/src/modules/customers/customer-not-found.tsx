import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../app/api-error';
import { currentLocale } from '../../app/i18n';

/** Shown when a customer cannot be loaded: gone, out of the viewer's scope, or a failed request. */
export function CustomerNotFound({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const missing = !error || (isApiError(error) && (error.status === 404 || error.status === 400));
  return (
    <Result
      status={missing ? '404' : 'error'}
      title={missing ? t('customers.notFound') : t('errors.unexpected')}
      subTitle={!missing && isApiError(error) ? error.displayMessage(currentLocale()) : undefined}
      extra={
        <Button type="primary" onClick={() => navigate('/customers')}>
          {t('customers.backToList')}
        </Button>
      }
    />
  );
}
