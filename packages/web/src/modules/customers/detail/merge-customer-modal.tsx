import { type Customer, mergeCustomerInputSchema } from '@berth/domain';
import { Alert, App, type ButtonProps, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { MergeCandidates } from './merge-candidates';
import { MergeSourceSelect } from './merge-source-select';
import { type MergeSource, useMergeCandidates, useMergeCustomer } from './use-merge-customer';

interface MergeFormValues {
  sourceId?: string;
}

interface MergeCustomerModalProps {
  customer: Customer;
  onClose: () => void;
}

/**
 * Merges a duplicate INTO this customer: the other record's contacts, tags and lanes move here and it is closed.
 * The field is named as the API's (`sourceId`), so its 422 errors land on it; a 412 reloads the customer and the
 * dialog stays open for another try with the new version.
 */
export function MergeCustomerModal({ customer, onClose }: MergeCustomerModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<MergeFormValues>();
  const [source, setSource] = useState<MergeSource | null>(null);
  const { candidates, loading } = useMergeCandidates(customer);
  const merge = useMergeCustomer(customer);

  const pick = (picked: MergeSource | null) => {
    setSource(picked);
    form.setFields([{ name: 'sourceId', value: picked?.id, errors: [] }]);
  };

  const onFinish = (values: MergeFormValues) => {
    const input = parse(mergeCustomerInputSchema, values, form);
    if (!input) return;
    merge.mutate(input, {
      onSuccess: () => {
        void message.success(t('customers.merge.merged', { source: source?.name ?? '' }));
        onClose();
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  return (
    <Modal
      open
      width={720}
      title={t('customers.merge.title', { name: customer.name })}
      okText={t('customers.merge.confirm')}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-merge' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('customers.merge.intro')}</Typography.Paragraph>
      <Form form={form} name="merge" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="sourceId"
          label={t('customers.merge.source')}
          rules={[{ required: true, message: t('customers.merge.sourceRequired') }]}
        >
          <MergeSourceSelect excludeId={customer.id} selected={source} onPick={setSource} />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('customers.merge.suggestions')}</Typography.Title>
      <div style={{ marginBottom: 16 }} data-testid="merge-candidates">
        <MergeCandidates candidates={candidates} loading={loading} selectedId={source?.id} onPick={pick} />
      </div>
      <Alert
        type="warning"
        showIcon
        title={t('customers.merge.warningTitle')}
        description={
          source ? t('customers.merge.warning', { source: source.name }) : t('customers.merge.warningNoSource')
        }
        data-testid="merge-warning"
      />
    </Modal>
  );
}
