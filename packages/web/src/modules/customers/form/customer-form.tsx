import type { DuplicateConfirmation } from '@berth/domain';
import { Button, type ButtonProps, Card, Flex, Form, type FormInstance, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
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
  /**
   * A new customer that looks like existing ones is saved only after the user confirms with a reason, which is
   * sent along (`duplicateConfirmation`) and kept in the audit log.
   */
  confirmDuplicates?: boolean;
  onFinish: (values: CustomerFormValues, duplicateConfirmation?: DuplicateConfirmation) => void;
  onCancel: () => void;
}

/** The customer form of "new customer" and "edit customer" (Form name `customer`, inputs `#customer_<field>`). */
export function CustomerForm(props: CustomerFormProps) {
  const { form, initialValues, excludeId, showBilling, saving, confirmDuplicates, onFinish, onCancel } = props;
  const { t } = useTranslation();
  const duplicates = useDuplicateCheck(form, excludeId);
  const [pending, setPending] = useState<CustomerFormValues | null>(null);
  const [reason, setReason] = useState('');
  const hasDuplicates = duplicates.candidates.length > 0 || duplicates.elsewhere.length > 0;

  const submit = (values: CustomerFormValues) => {
    if (confirmDuplicates && hasDuplicates) {
      setReason('');
      setPending(values);
      return;
    }
    onFinish(values);
  };
  const confirm = () => {
    if (!pending || reason.trim() === '') return;
    onFinish(pending, { reason: reason.trim(), customerIds: duplicates.candidates.map((c) => c.customer.id) });
    setPending(null);
  };

  return (
    <Form
      form={form}
      name="customer"
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
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
      <Modal
        open={pending !== null}
        title={t('customers.duplicates.confirmTitle')}
        okText={t('customers.duplicates.confirmSave')}
        okButtonProps={{ disabled: reason.trim() === '', 'data-testid': 'confirm-duplicate-save' } as ButtonProps}
        onOk={confirm}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('customers.duplicates.confirmText')}</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          rows={3}
          placeholder={t('customers.duplicates.reasonPlaceholder')}
          aria-label={t('customers.duplicates.reason')}
          data-testid="duplicate-reason"
        />
      </Modal>
    </Form>
  );
}
