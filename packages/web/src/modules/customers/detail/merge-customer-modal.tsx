import { type Customer, type MergeFieldChoices, mergeCustomerInputSchema } from '@berth/domain';
import { Alert, App, type ButtonProps, Form, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { MergeCandidates } from './merge-candidates';
import { MergeFieldChoicesTable, MergeMoves } from './merge-field-choices';
import { MergeSourceSelect } from './merge-source-select';
import { type MergeSource, useMergeCandidates, useMergeCustomer, useMergePreview } from './use-merge-customer';

interface MergeFormValues {
  sourceId?: string;
}

interface MergeCustomerModalProps {
  customer: Customer;
  onClose: () => void;
}

/**
 * Merges a duplicate INTO this customer: once the other record is picked, both show side by side with a choice per
 * field of the value that survives, and what moves here (contacts, opportunities, notes…, counted among what the
 * user may see); the other record is then closed.
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
  const [choices, setChoices] = useState<MergeFieldChoices>({});
  const { candidates, loading } = useMergeCandidates(customer);
  const merge = useMergeCustomer(customer);
  const preview = useMergePreview(customer.id, source?.id);

  const pick = (picked: MergeSource | null) => {
    setSource(picked);
    setChoices({});
    form.setFields([{ name: 'sourceId', value: picked?.id, errors: [] }]);
  };

  const onFinish = (values: MergeFormValues) => {
    // Every field the user may choose is sent with its side, the suggestions included, so what was shown is done.
    const fields: MergeFieldChoices = {};
    for (const f of preview.data?.fields ?? []) if (f.choosable) fields[f.field] = choices[f.field] ?? f.suggested;
    const input = parse(mergeCustomerInputSchema, { ...values, fields }, form);
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
      width={960}
      title={t('customers.merge.title', { name: customer.name })}
      okText={t('customers.merge.confirm')}
      okButtonProps={{ danger: true, disabled: !preview.data, 'data-testid': 'confirm-merge' } as ButtonProps}
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
          <MergeSourceSelect
            excludeId={customer.id}
            selected={source}
            onPick={(picked) => {
              setSource(picked);
              setChoices({});
            }}
          />
        </Form.Item>
      </Form>
      {!source && (
        <>
          <Typography.Title level={5}>{t('customers.merge.suggestions')}</Typography.Title>
          <div style={{ marginBottom: 16 }} data-testid="merge-candidates">
            <MergeCandidates candidates={candidates} loading={loading} selectedId={undefined} onPick={pick} />
          </div>
        </>
      )}
      {source && preview.isPending && <Spin />}
      {source && preview.error && (
        <Alert type="error" showIcon title={t('customers.merge.previewFailed')} style={{ marginBottom: 16 }} />
      )}
      {source && preview.data && (
        <div style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{t('customers.merge.fieldsTitle')}</Typography.Title>
          <MergeFieldChoicesTable preview={preview.data} choices={choices} onChange={setChoices} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('customers.merge.movesTitle', { code: preview.data.source.code })}
          </Typography.Title>
          <MergeMoves moves={preview.data.moves} />
        </div>
      )}
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
