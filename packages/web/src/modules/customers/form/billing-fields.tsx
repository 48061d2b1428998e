import { billingProfileSchema } from '@berth/domain';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useZodForm } from '../../../app/zod-form';
import { MoneyInput } from '../../../components/money-input';
import { useCustomerLabels } from '../use-customer-labels';

const billing = billingProfileSchema.shape;

interface BillingFieldsProps {
  /** Where the billing object sits in the form: ['billing'] in the customer form, [] in the billing form. */
  prefix: string[];
}

/** Invoice details, settlement and credit limit. */
export function BillingFields({ prefix }: BillingFieldsProps) {
  const { t } = useTranslation();
  const { rule } = useZodForm();
  const labels = useCustomerLabels();

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name={[...prefix, 'invoiceTitle']}
          label={t('customers.fields.invoiceTitle')}
          rules={[rule(billing.invoiceTitle)]}
        >
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={[...prefix, 'taxNumber']}
          label={t('customers.fields.taxNumber')}
          rules={[rule(billing.taxNumber)]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name={[...prefix, 'billingAddress']}
          label={t('customers.fields.billingAddress')}
          rules={[rule(billing.billingAddress)]}
        >
          <Input autoComplete="off" maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[...prefix, 'settlementType']} label={t('customers.fields.settlementType')}>
          <Select allowClear options={labels.settlementOptions} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={[...prefix, 'paymentTermsDays']}
          label={t('customers.fields.paymentTermsDays')}
          rules={[rule(billing.paymentTermsDays)]}
        >
          <InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <MoneyInput name={[...prefix, 'creditLimit']} label={t('customers.fields.creditLimit')} />
      </Col>
    </Row>
  );
}
