import type { Customer } from '@berth/domain';
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useCustomerLabels } from '../use-customer-labels';
import { CustomerTagsEditor } from './customer-tags-editor';

/**
 * Code, relationship and tags at the top of the customer page; status and owner (with protection) are in the summary
 * below it, once.
 */
export function CustomerHeader({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();

  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'code',
            label: t('customers.fields.code'),
            children: <span data-testid="customer-code">{customer.code}</span>,
          },
          {
            key: 'relationshipType',
            label: t('customers.fields.relationshipType'),
            children: labels.relationshipType(customer.relationshipType),
          },
          {
            key: 'tags',
            label: t('customers.fields.tags'),
            span: { xs: 1, md: 2, xl: 2 },
            children: <CustomerTagsEditor customer={customer} />,
          },
          { key: 'updatedAt', label: t('customers.fields.updatedAt'), children: formatDateTime(customer.updatedAt) },
        ]}
      />
    </Card>
  );
}
