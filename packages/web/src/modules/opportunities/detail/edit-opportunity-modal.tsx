import { type Opportunity, updateOpportunityInputSchema } from '@berth/domain';
import { App, type ButtonProps, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../../app/diff';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { OpportunityFormFields } from '../form/opportunity-form-fields';
import { formValuesOf, type OpportunityFormValues, toOpportunityInput } from '../form/opportunity-form-values';
import { useUpdateOpportunity } from '../use-opportunities';

/** Edits the opportunity at the version shown; only the changed fields are sent. */
export function EditOpportunityModal({ opportunity, onClose }: { opportunity: Opportunity; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<OpportunityFormValues>();
  const update = useUpdateOpportunity();
  const money = { revenue: can('revenue', 'read'), margin: can('costMargin', 'read') };

  const onFinish = (values: OpportunityFormValues) => {
    const { customerId: _customer, stage: _stage, ...next } = toOpportunityInput(values, money);
    const { customerId: _c, stage: _s, ...current } = toOpportunityInput(formValuesOf(opportunity), money);
    const changes = changedFields(current as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return onClose();
    const input = parse(updateOpportunityInputSchema, changes, form);
    if (!input) return;
    update.mutate(
      { opportunity, input },
      {
        onSuccess: () => {
          void message.success(t('opportunities.saved'));
          onClose();
        },
        onError: (error) => handleError(error, { form, onConflict: onClose }),
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t('opportunities.edit')}
      okText={t('common.save')}
      okButtonProps={{ loading: update.isPending, 'data-testid': 'save-opportunity' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="opportunity-edit"
        onFinish={onFinish}
        initialValues={formValuesOf(opportunity)}
      >
        <OpportunityFormFields mode="edit" customerName={opportunity.customerName} customerFixed />
      </Form>
    </Modal>
  );
}
