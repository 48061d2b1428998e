import { type Customer, endpoints, type UpdateCustomerInput, updateCustomerInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useResetOnVersion } from '../../../app/use-reset-on-version';
import { useZodForm } from '../../../app/zod-form';
import { BillingFields } from '../form/billing-fields';
import { type BillingValues, billingToInput, billingToValues } from '../form/customer-form-values';
import { customerKeys } from '../query-keys';

interface BillingFormValues {
  billing: BillingValues;
}

interface BillingEditModalProps {
  customer: Customer & { billing: NonNullable<Customer['billing']> };
  onClose: () => void;
}

/**
 * Changes only the billing profile, so finance with customerBilling.update can use it without the right to edit
 * the rest of the customer. The form is the customer form's billing part (inputs `#customer_billing_<field>`),
 * so the API's field paths (`billing.creditLimit.currency`) land on it as they are. Sent whole, with If-Match.
 */
export function BillingEditModal({ customer, onClose }: BillingEditModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BillingFormValues>();
  const { parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const initialValues = useMemo(() => ({ billing: billingToValues(customer.billing) }), [customer.billing]);

  useResetOnVersion(form, customer);

  const save = useMutation({
    mutationFn: (input: UpdateCustomerInput) =>
      call(endpoints.customers.update, { params: { id: customer.id }, body: input, version: customer.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: BillingFormValues) => {
    const billing = billingToInput(values.billing);
    if (JSON.stringify(billing) === JSON.stringify(billingToInput(initialValues.billing))) return onClose();
    const input = parse(updateCustomerInputSchema, { billing }, form);
    if (input) save.mutate(input);
  };

  return (
    <Modal
      open
      width={720}
      title={t('customers.editBilling')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form form={form} name="customer" layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <BillingFields prefix={['billing']} />
      </Form>
    </Modal>
  );
}
