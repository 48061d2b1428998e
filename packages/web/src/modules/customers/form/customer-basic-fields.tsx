import { customerFieldsSchema } from '@berth/domain';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useZodForm } from '../../../app/zod-form';
import { CountrySelect } from '../../../components/country-select';
import { MoneyInput } from '../../../components/money-input';
import { useCustomerLabels } from '../use-customer-labels';

const fields = customerFieldsSchema.shape;

/** Name, identifiers, classification and contact data of the company. */
export function CustomerBasicFields() {
  const { t } = useTranslation();
  const { rule } = useZodForm();
  const labels = useCustomerLabels();

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('customers.fields.name')} required rules={[rule(fields.name)]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="nameEn" label={t('customers.fields.nameEn')} rules={[rule(fields.nameEn)]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="creditCode"
          label={t('customers.fields.creditCode')}
          extra={t('customers.creditCodeHint')}
          rules={[rule(fields.creditCode)]}
          validateTrigger="onBlur"
        >
          <Input autoComplete="off" maxLength={30} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="status" label={t('customers.fields.status')}>
          <Select options={labels.statusOptions} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="relationshipType" label={t('customers.fields.relationshipType')}>
          <Select allowClear options={labels.relationshipTypeOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="roles" label={t('customers.fields.roles')}>
          <Select mode="multiple" allowClear options={labels.roleOptions} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="industry" label={t('customers.fields.industry')} rules={[rule(fields.industry)]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="country" label={t('customers.fields.country')}>
          <CountrySelect />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={t('customers.fields.address')} rules={[rule(fields.address)]}>
          <Input autoComplete="off" maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="website" label={t('customers.fields.website')} rules={[rule(fields.website)]}>
          <Input autoComplete="off" maxLength={200} placeholder="https://" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="phone"
          label={t('customers.fields.phone')}
          extra={t('customers.phoneHint')}
          rules={[rule(fields.phone)]}
          validateTrigger="onBlur"
        >
          <Input inputMode="tel" autoComplete="off" maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="email"
          label={t('customers.fields.email')}
          rules={[rule(fields.email)]}
          validateTrigger="onBlur"
        >
          <Input inputMode="email" autoComplete="off" maxLength={254} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="employees" label={t('customers.fields.employees')} rules={[rule(fields.employees)]}>
          <InputNumber<number> min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <MoneyInput name={['annualRevenue']} label={t('customers.fields.annualRevenue')} />
      </Col>
    </Row>
  );
}
