import { type Customer, endpoints, type UpdateCustomerInput, updateCustomerInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { call } from '../../../app/api/call';
import { useUserLookup } from '../../../app/directory-lookups';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useResetOnVersion } from '../../../app/use-reset-on-version';
import { useZodForm } from '../../../app/zod-form';
import { FullPageSpin } from '../../../components/full-page-spin';
import { PageTitle } from '../../../components/page-title';
import { CustomerNotFound } from '../customer-not-found';
import { customerKeys } from '../query-keys';
import { useCustomer } from '../use-customer';
import { CustomerForm } from './customer-form';
import { type CustomerFormValues, changedInput, customerToValues, valuesToInput } from './customer-form-values';
import { teamErrorsOnOwner } from './owner-errors';

/** Edits a customer: sends only what changed, with If-Match; after a conflict the form shows the new version. */
export function CustomerEditPage() {
  const { id = '' } = useParams();
  const { data: customer, isPending, error } = useCustomer(id);
  if (isPending) return <FullPageSpin />;
  if (!customer) return <CustomerNotFound error={error} />;
  return <CustomerEditForm customer={customer} />;
}

function CustomerEditForm({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CustomerFormValues>();
  const { parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const users = useUserLookup().byId;
  const mayBill = useCan()('customerBilling', 'update');
  const showBilling = customer.billing !== null && mayBill;
  const initialValues = useMemo(() => customerToValues(customer), [customer]);
  const detailPath = `/customers/${encodeURIComponent(customer.id)}`;

  useResetOnVersion(form, customer);

  const update = useMutation({
    mutationFn: (input: UpdateCustomerInput) =>
      call(endpoints.customers.update, { params: { id: customer.id }, body: input, version: customer.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void message.success(t('common.saved'));
      navigate(detailPath);
    },
    onError: (error) => handleError(teamErrorsOnOwner(error), { form }),
  });

  const onFinish = (values: CustomerFormValues) => {
    const base = valuesToInput(initialValues, { billing: showBilling });
    const changes = changedInput(base, valuesToInput(values, { billing: showBilling }));
    if (Object.keys(changes).length === 0) {
      void message.info(t('customers.noChanges'));
      navigate(detailPath);
      return;
    }
    // The team follows a new owner, as when a customer is created.
    if (typeof changes.ownerId === 'string' && users.has(changes.ownerId)) {
      changes.teamId = users.get(changes.ownerId)?.teamId ?? null;
    }
    const input = parse(updateCustomerInputSchema, changes, form);
    if (input) update.mutate(input);
  };

  return (
    <>
      <PageTitle title={t('customers.editTitle', { name: customer.name })} />
      <CustomerForm
        form={form}
        initialValues={initialValues}
        excludeId={customer.id}
        showBilling={showBilling}
        saving={update.isPending}
        onFinish={onFinish}
        onCancel={() => navigate(detailPath)}
      />
    </>
  );
}
