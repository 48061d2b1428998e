import { EditOutlined } from '@ant-design/icons';
import type { Customer } from '@berth/domain';
import { Button, Descriptions, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/permissions';
import { useFormatMoney } from '../../../app/use-format-money';
import { useCustomerLabels } from '../use-customer-labels';
import { BillingEditModal } from './billing-edit-modal';

type WithBilling = Customer & { billing: NonNullable<Customer['billing']> };

/** Invoice details and credit; editable only with customerBilling.update (the server refuses billing otherwise). */
export function CustomerBilling({ customer }: { customer: WithBilling }) {
  const { t } = useTranslation();
  const can = useCan();
  const labels = useCustomerLabels();
  const formatMoney = useFormatMoney();
  const [editing, setEditing] = useState(false);
  const billing = customer.billing;
  const text = (value: string | null | undefined) => value || t('common.none');
  const editable = can('customerBilling', 'update');

  return (
    <>
      {editable && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-billing">
            {t('customers.editBilling')}
          </Button>
        </Flex>
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        data-testid="customer-billing"
        items={[
          { key: 'invoiceTitle', label: t('customers.fields.invoiceTitle'), children: text(billing.invoiceTitle) },
          { key: 'taxNumber', label: t('customers.fields.taxNumber'), children: text(billing.taxNumber) },
          {
            key: 'billingAddress',
            label: t('customers.fields.billingAddress'),
            span: 'filled',
            children: text(billing.billingAddress),
          },
          {
            key: 'settlementType',
            label: t('customers.fields.settlementType'),
            children: labels.settlement(billing.settlementType),
          },
          {
            key: 'paymentTermsDays',
            label: t('customers.fields.paymentTermsDays'),
            children: billing.paymentTermsDays ?? t('common.none'),
          },
          { key: 'creditLimit', label: t('customers.fields.creditLimit'), children: formatMoney(billing.creditLimit) },
        ]}
      />
      {editing && <BillingEditModal customer={customer} onClose={() => setEditing(false)} />}
    </>
  );
}
