import { moneySchema } from '@berth/domain';
import { Form, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useZodForm } from '../../../app/zod-form';
import { CurrencySelect } from '../../../components/currency-select';

const amountSchema = moneySchema.shape.amount.nullable().optional();

interface MoneyFieldProps {
  /** Name path of the money object, e.g. ['billing', 'creditLimit']; the inputs are `amount` and `currency`. */
  name: (string | number)[];
  label: string;
}

/** An amount with its currency on one line; an empty amount means "not given". */
export function MoneyField({ name, label }: MoneyFieldProps) {
  const { t } = useTranslation();
  const { rule } = useZodForm();
  return (
    <Form.Item label={label}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item noStyle name={[...name, 'amount']} rules={[rule(amountSchema)]}>
          <InputNumber<number>
            min={0}
            style={{ width: '60%' }}
            aria-label={`${label} ${t('customers.fields.amount')}`}
          />
        </Form.Item>
        <Form.Item noStyle name={[...name, 'currency']}>
          <CurrencySelect style={{ width: '40%' }} aria-label={`${label} ${t('customers.fields.currency')}`} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
