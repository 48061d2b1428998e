import {
  type CreateCustomerInput,
  createCustomerInputSchema,
  type DuplicateConfirmation,
  endpoints,
} from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useMe } from '../../../app/session';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { PageTitle } from '../../../components/page-title';
import { customerKeys } from '../query-keys';
import { CustomerForm } from './customer-form';
import { type CustomerFormValues, emptyCustomerValues, valuesToInput } from './customer-form-values';
import { teamErrorsOnOwner } from './owner-errors';

export function CustomerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CustomerFormValues>();
  const { parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  // Billing is written only with customerBilling.update; others leave it out of the form.
  const showBilling = useCan()('customerBilling', 'update');
  const initialValues = useMemo(() => emptyCustomerValues(me?.user.id), [me?.user.id]);

  const create = useMutation({
    mutationFn: (input: CreateCustomerInput) => call(endpoints.customers.create, { body: input }),
    onSuccess: (customer) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void queryClient.invalidateQueries({ queryKey: customerKeys.tags });
      void message.success(t('common.created'));
      navigate(`/customers/${encodeURIComponent(customer.id)}`);
    },
    onError: (error) => handleError(teamErrorsOnOwner(error), { form }),
  });

  const onFinish = (values: CustomerFormValues, duplicateConfirmation?: DuplicateConfirmation) => {
    const input = parse(
      createCustomerInputSchema,
      { ...valuesToInput(values, { billing: showBilling }), duplicateConfirmation },
      form,
    );
    if (input) create.mutate(input);
  };

  return (
    <>
      <PageTitle title={t('customers.createTitle')} />
      <CustomerForm
        form={form}
        initialValues={initialValues}
        showBilling={showBilling}
        saving={create.isPending}
        confirmDuplicates
        onFinish={onFinish}
        onCancel={() => navigate('/customers')}
      />
    </>
  );
}
