import { App, Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../../app/api-error';
import { currentLocale } from '../../app/i18n';

/**
 * Shown when a customer cannot be loaded: gone, out of the viewer's scope, or a failed request. A customer merged
 * into another (an old link, a bookmark, a notification) leads to the record it lives on in.
 */
export function CustomerNotFound({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const movedTo = isApiError(error) && error.code === 'customer.merged' ? error.movedTo : undefined;
  useEffect(() => {
    if (!movedTo) return;
    void message.info(t('customers.mergedInto', { label: movedTo.label }));
    navigate(`/customers/${movedTo.id}${location.search}`, { replace: true });
  }, [movedTo, message, t, navigate, location.search]);
  if (movedTo) return null;
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
