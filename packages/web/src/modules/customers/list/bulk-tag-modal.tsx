import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { TagSelect } from '../tag-select';
import { useBulkTags } from '../use-bulk-tags';

interface BulkTagValues {
  add?: string[];
  remove?: string[];
}

interface BulkTagModalProps {
  customerIds: string[];
  onDone: () => void;
  onCancel: () => void;
}

/** Adds and removes tags on the selected customers; tells how many were changed and how many skipped. */
export function BulkTagModal({ customerIds, onDone, onCancel }: BulkTagModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BulkTagValues>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const bulk = useBulkTags({
    onSuccess: (result) => {
      const text = t('customers.bulkTagResult', result);
      if (result.skipped > 0) void message.warning(text);
      else void message.success(text);
      onDone();
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: BulkTagValues) => {
    const add = values.add ?? [];
    const remove = values.remove ?? [];
    if (add.length === 0 && remove.length === 0) {
      form.setFields([{ name: 'add', errors: [t('customers.bulkTagEmpty')] }]);
      return;
    }
    bulk.mutate({ customerIds, add, remove });
  };

  return (
    <Modal
      open
      title={t('customers.bulkTagTitle', { count: customerIds.length })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={bulk.isPending}
    >
      <Form form={form} name="bulk-tags" layout="vertical" onFinish={onFinish}>
        <Form.Item name="add" label={t('customers.bulkTagAdd')}>
          <TagSelect />
        </Form.Item>
        <Form.Item name="remove" label={t('customers.bulkTagRemove')}>
          <TagSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
