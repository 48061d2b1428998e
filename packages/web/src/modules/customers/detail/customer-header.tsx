import type { Customer } from '@berth/domain';
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserLookup } from '../../../app/directory-lookups';
import { formatDateTime } from '../../../app/format';
import { CustomerStatusTag } from '../customer-status-tag';
import { useCustomerLabels } from '../use-customer-labels';
import { CustomerTagsEditor } from './customer-tags-editor';

/** Code, status, owner and tags at the top of the customer page. */
export function CustomerHeader({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  const users = useUserLookup().byId;

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
            key: 'status',
            label: t('customers.fields.status'),
            children: <CustomerStatusTag status={customer.status} />,
          },
          {
            key: 'relationshipType',
            label: t('customers.fields.relationshipType'),
            children: labels.relationshipType(customer.relationshipType),
          },
          {
            key: 'owner',
            label: t('customers.fields.owner'),
            children: (
              <span data-testid="customer-owner">
                {(customer.ownerId && users.get(customer.ownerId)?.name) || t('common.none')}
              </span>
            ),
          },
          {
            key: 'tags',
            label: t('customers.fields.tags'),
            span: { xs: 1, md: 2, xl: 3 },
            children: <CustomerTagsEditor customer={customer} />,
          },
          { key: 'updatedAt', label: t('customers.fields.updatedAt'), children: formatDateTime(customer.updatedAt) },
        ]}
      />
    </Card>
  );
}
