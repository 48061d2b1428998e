import { savedViewNameSchema } from '@berth/domain';
import { Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useZodForm } from '../../app/zod-form';

export interface SaveViewValues {
  name: string;
  shared: boolean;
}

interface SaveViewModalProps {
  title: string;
  initial?: Partial<SaveViewValues>;
  /** Whether the sharing switch is shown (renaming keeps sharing as it is). */
  withSharing?: boolean;
  saving: boolean;
  onSave: (values: SaveViewValues) => void;
  onCancel: () => void;
}

/** Name (and sharing) of a saved view of a list (Form `saved-view`). */
export function SaveViewModal({ title, initial, withSharing = true, saving, onSave, onCancel }: SaveViewModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SaveViewValues>();
  const { rule } = useZodForm();
  return (
    <Modal open title={title} onOk={() => form.submit()} onCancel={onCancel} confirmLoading={saving}>
      <Form
        form={form}
        name="saved-view"
        layout="vertical"
        initialValues={{ shared: false, ...initial }}
        onFinish={(values) => onSave({ name: values.name.trim(), shared: !!values.shared })}
      >
        <Form.Item name="name" label={t('savedViews.name')} required rules={[rule(savedViewNameSchema)]}>
          <Input autoComplete="off" maxLength={100} data-testid="saved-view-name" />
        </Form.Item>
        {withSharing && (
          <Form.Item name="shared" label={t('savedViews.shared')} valuePropName="checked">
            <Switch data-testid="saved-view-shared" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
