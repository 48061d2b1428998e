import {
  type CreateSegmentInput,
  type CustomerFilters,
  createSegmentInputSchema,
  endpoints,
  type Segment,
  type UpdateSegmentInput,
  updateSegmentInputSchema,
} from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { segmentKeys } from './use-segments';

interface SegmentValues {
  name?: string;
  description?: string | null;
  shared?: boolean;
}

const fields = createSegmentInputSchema.shape;

interface SegmentFormModalProps {
  /** The segment to edit; absent to create one from `filters`. */
  segment?: Segment;
  filters?: CustomerFilters;
  onClose: (saved?: Segment) => void;
}

/** Creates a segment from the list's current filters, or renames / re-describes / (un)shares one (Form `segment`). */
export function SegmentFormModal({ segment, filters, onClose }: SegmentFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SegmentValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (input: CreateSegmentInput | UpdateSegmentInput) =>
      segment
        ? call(endpoints.segments.update, { params: { id: segment.id }, body: input, version: segment.version })
        : call(endpoints.segments.create, { body: input as CreateSegmentInput }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.segments });
      void message.success(segment ? t('common.saved') : t('common.created'));
      onClose(saved);
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: SegmentValues) => {
    const input = segment
      ? parse(updateSegmentInputSchema, values, form)
      : parse(createSegmentInputSchema, { ...values, filters: filters ?? {} }, form);
    if (input) save.mutate(input);
  };

  return (
    <Modal
      open
      title={segment ? t('segments.editTitle') : t('segments.createTitle')}
      okText={segment ? t('common.save') : t('common.create')}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        name="segment"
        layout="vertical"
        initialValues={segment ?? { shared: true }}
        onFinish={onFinish}
      >
        <Form.Item name="name" label={t('segments.name')} required rules={[rule(fields.name)]}>
          <Input autoComplete="off" maxLength={100} data-testid="segment-name" />
        </Form.Item>
        <Form.Item name="description" label={t('segments.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="shared" label={t('segments.shared')} extra={t('segments.sharedHint')} valuePropName="checked">
          <Switch data-testid="segment-shared" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
