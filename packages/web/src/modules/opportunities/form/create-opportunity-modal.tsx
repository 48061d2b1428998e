import { createOpportunityInputSchema } from '@berth/domain';
import { App, type ButtonProps, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { useCreateOpportunity } from '../use-opportunities';
import { OpportunityFormFields } from './opportunity-form-fields';
import { type OpportunityFormValues, toOpportunityInput } from './opportunity-form-values';

interface CreateOpportunityModalProps {
  /** Set when created from a customer's page. */
  customer?: { id: string; name: string };
  onClose: () => void;
}

export function CreateOpportunityModal({ customer, onClose }: CreateOpportunityModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<OpportunityFormValues>();
  const create = useCreateOpportunity();

  const onFinish = (values: OpportunityFormValues) => {
    const input = parse(
      createOpportunityInputSchema,
      toOpportunityInput(values, { revenue: can('revenue', 'read'), margin: can('costMargin', 'read') }),
      form,
    );
    if (!input) return;
    create.mutate(input, {
      onSuccess: (created) => {
        void message.success(t('opportunities.created', { code: created.code }));
        onClose();
        navigate(`/opportunities/${encodeURIComponent(created.id)}`);
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  return (
    <Modal
      open
      width={760}
      title={t('opportunities.create')}
      okText={t('common.create')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'submit-opportunity' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="opportunity"
        onFinish={onFinish}
        initialValues={{ customerId: customer?.id, source: 'referral', lanes: [], volume: {} }}
      >
        <OpportunityFormFields mode="create" customerName={customer?.name} customerFixed={Boolean(customer)} />
      </Form>
    </Modal>
  );
}
