import { createTagInputSchema, endpoints, type Tag as TagRecord, tagColors, updateTagInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Form, Input, Modal, Select, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../../app/api/call';
import { changedFields } from '../../../app/diff';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useResetOnVersion } from '../../../app/use-reset-on-version';
import { useZodForm } from '../../../app/zod-form';
import { useTagLookup } from '../lookups';
import { customerKeys } from '../query-keys';

type TagValues = z.input<typeof createTagInputSchema>;
const fields = createTagInputSchema.shape;

interface TagFormModalProps {
  /** The tag to edit; absent for a new tag. */
  tag?: TagRecord;
  onClose: () => void;
}

/** Creates or edits a tag (Form name `tag`); an edit sends the changed fields with If-Match. */
export function TagFormModal({ tag, onClose }: TagFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TagValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { tags } = useTagLookup();
  const colorNames = t('tags.colors', { returnObjects: true }) as unknown as Record<string, string>;
  const groups = useMemo(
    () => [...new Set(tags.flatMap((item) => (item.group ? [item.group] : [])))].map((group) => ({ value: group })),
    [tags],
  );

  useResetOnVersion(form, tag);

  const save = useMutation({
    mutationFn: (input: z.input<typeof updateTagInputSchema>) =>
      tag
        ? call(endpoints.tags.update, { params: { id: tag.id }, body: input, version: tag.version })
        : call(endpoints.tags.create, { body: input as TagValues }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.tags });
      void message.success(tag ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: TagValues) => {
    const normalized = { ...values, group: values.group?.trim() ? values.group : null };
    const input = tag
      ? parse(updateTagInputSchema, changedFields(tag, normalized), form)
      : parse(createTagInputSchema, normalized, form);
    if (!input) return;
    if (tag && Object.keys(input).length === 0) return onClose();
    save.mutate(input);
  };

  return (
    <Modal
      open
      title={tag ? t('tags.editTitle') : t('tags.createTitle')}
      okText={tag ? t('common.save') : t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form form={form} name="tag" layout="vertical" initialValues={tag ?? { color: 'blue' }} onFinish={onFinish}>
        <Form.Item name="name" label={t('tags.name')} required rules={[rule(fields.name)]}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="color" label={t('tags.color')}>
          <Select
            options={tagColors.map((color) => ({
              value: color,
              label: (
                <Tag color={color} style={{ marginInlineEnd: 0 }}>
                  {colorNames[color] ?? color}
                </Tag>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="group" label={t('tags.group')} extra={t('tags.groupHint')} rules={[rule(fields.group)]}>
          <AutoComplete
            options={groups}
            maxLength={50}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.value ?? '')
                  .toLowerCase()
                  .includes(input.trim().toLowerCase()),
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
