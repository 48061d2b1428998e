import { endpoints } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { formatNumber } from '../../../app/format';
import { customerKeys } from '../query-keys';
import type { CustomerListQuery } from './use-customer-filters';

/** How many customers the filters select: "共 12 个客户", or "约 12,300 个客户" where the server estimated it. */
export function CustomerCount({ params }: { params: CustomerListQuery }) {
  const { t, i18n } = useTranslation();
  const { sort: _sort, ...query } = params;
  const count = useQuery({
    queryKey: [...customerKeys.customers, 'count', query],
    queryFn: ({ signal }) => call(endpoints.customers.count, { query, signal }),
  });
  if (!count.data) return null;
  const number = formatNumber(count.data.count, i18n.language);
  return (
    <Typography.Text type="secondary" data-testid="customer-count">
      {count.data.estimated
        ? t('customers.countEstimated', { count: number })
        : t('customers.countExact', { count: number })}
    </Typography.Text>
  );
}
