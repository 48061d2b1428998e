import { Button, Card, Flex, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { BillingFields } from './billing-fields';
import { CustomerBasicFields } from './customer-basic-fields';
import type { CustomerFormValues } from './customer-form-values';
import { CustomerTradeFields } from './customer-trade-fields';
import { DuplicateWarning } from './duplicate-warning';
import { OwnerField } from './owner-field';
import { useDuplicateCheck } from './use-duplicate-check';

interface CustomerFormProps {
  form: FormInstance<CustomerFormValues>;
  initialValues: CustomerFormValues;
  /** The customer being edited, left out of the duplicate check. */
  excludeId?: string;
  /** Billing is left out for viewers who may not see it. */
  showBilling: boolean;
  saving: boolean;
  onFinish: (values: CustomerFormValues) => void;
  onCancel: () => void;
}

/** The customer form of "new customer" and "edit customer" (Form name `customer`, inputs `#customer_<field>`). */
export function CustomerForm(props: CustomerFormProps) {
  const { form, initialValues, excludeId, showBilling, saving, onFinish, onCancel } = props;
  const { t } = useTranslation();
  const duplicates = useDuplicateCheck(form, excludeId);

  return (
    <Form
      form={form}
      name="customer"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      scrollToFirstError
    >
      <Flex vertical gap={16}>
        <Card title={t('customers.sections.basic')}>
          <DuplicateWarning candidates={duplicates.candidates} elsewhere={duplicates.elsewhere} />
          <CustomerBasicFields />
        </Card>
        <Card title={t('customers.sections.trade')}>
          <CustomerTradeFields />
        </Card>
        {showBilling && (
          <Card title={t('customers.sections.billing')}>
            <BillingFields prefix={['billing']} />
          </Card>
        )}
        <Card title={t('customers.sections.owner')}>
          <OwnerField />
        </Card>
        <Flex justify="end" gap="small">
          <Button onClick={onCancel}>{t('customers.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save-customer">
            {t('customers.saveCustomer')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
