import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CustomerColumnKey, customerColumnKeys, visibleCustomerColumns } from './use-customer-columns';

const titleKeys: Record<CustomerColumnKey, string> = {
  code: 'customers.fields.code',
  name: 'customers.fields.name',
  status: 'customers.fields.status',
  relationshipType: 'customers.fields.relationshipType',
  country: 'customers.fields.country',
  owner: 'customers.fields.owner',
  tags: 'customers.fields.tags',
  lastFollowUpAt: 'customers.fields.lastFollowUpAt',
  nextFollowUpAt: 'customers.fields.nextFollowUpAt',
  openPipeline: 'customers.fields.openPipeline',
  lastShipmentAt: 'customers.fields.lastShipmentAt',
  shipments12m: 'customers.fields.shipments12m',
  teu12m: 'customers.fields.teu12m',
  revenue12m: 'customers.fields.revenue12m',
  updatedAt: 'customers.fields.updatedAt',
  createdAt: 'customers.fields.createdAt',
};

interface CustomerColumnChooserProps {
  /** The columns shown, comma-separated as the address and a saved view keep them; all when empty. */
  value: string | undefined;
  onChange: (columns: string | undefined) => void;
}

/** Which columns the list shows; the choice stays in the address and a saved view keeps it. */
export function CustomerColumnChooser({ value, onChange }: CustomerColumnChooserProps) {
  const { t } = useTranslation();
  const shown = visibleCustomerColumns(value);
  const content = (
    <Checkbox.Group
      value={shown}
      onChange={(keys) => {
        const chosen = customerColumnKeys.filter((key) => keys.includes(key));
        // The code opens the customer: it always stays. All columns is the default, kept as no choice.
        const next = chosen.includes('code') ? chosen : (['code', ...chosen] as CustomerColumnKey[]);
        onChange(next.length === customerColumnKeys.length ? undefined : next.join(','));
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
      data-testid="customer-column-options"
    >
      {customerColumnKeys.map((key) => (
        <Checkbox key={key} value={key} disabled={key === 'code'}>
          {t(titleKeys[key] as 'customers.fields.code')}
        </Checkbox>
      ))}
    </Checkbox.Group>
  );
  return (
    <Popover content={content} title={t('customers.columns')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} data-testid="customer-columns">
        {t('customers.columns')}
      </Button>
    </Popover>
  );
}
