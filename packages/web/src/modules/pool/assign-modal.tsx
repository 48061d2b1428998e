import { assignCustomerInputSchema } from '@berth/domain';
import { App, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeamLookup, useUserLookup } from '../../app/directory-lookups';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { UserPicker } from '../../components/user-picker';
import { useAssignCustomer } from './use-pool';

interface AssignValues {
  ownerId?: string;
  teamId?: string | null;
  reason?: string;
}

interface AssignModalProps {
  customer: { id: string; name: string };
  onClose: () => void;
}

/** A manager gives the customer to someone in their scope; the new owner is notified. */
export function AssignModal({ customer, onClose }: AssignModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<AssignValues>();
  const users = useUserLookup().byId;
  const { teams } = useTeamLookup();
  const assign = useAssignCustomer(customer.id);

  const onFinish = (values: AssignValues) => {
    const input = parse(
      assignCustomerInputSchema,
      { ...values, teamId: values.teamId || undefined, reason: values.reason || undefined },
      form,
    );
    if (!input) return;
    assign.mutate(input, {
      onSuccess: () => {
        void message.success(t('pool.assigned', { name: users.get(input.ownerId)?.name ?? '' }));
        onClose();
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  return (
    <Modal
      open
      title={t('pool.assignTitle', { name: customer.name })}
      okText={t('pool.assign')}
      okButtonProps={{ 'data-testid': 'confirm-assign' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Form form={form} name="assign" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="ownerId"
          label={t('pool.assignOwner')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UserPicker activeOnly data-testid="assign-owner" />
        </Form.Item>
        <Form.Item name="teamId" label={t('pool.assignTeam')} extra={t('pool.assignTeamHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('pool.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
