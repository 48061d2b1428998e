import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LostReason } from '@berth/domain';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Switch, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useLostReasonMutations, useLostReasons } from '../use-pipeline-settings';

/** Why opportunities are lost: add, rename in place, deactivate, delete unused ones. */
export function LostReasonsEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { reasons, isPending } = useLostReasons(true);
  const { create, update, remove } = useLostReasonMutations();
  const [form] = Form.useForm<{ nameZh: string; nameEn: string }>();
  const saved = () => void message.success(t('pipelineSettings.reasonSaved'));
  const onError = (error: unknown) => handleError(error);
  const rename = (reason: LostReason, field: 'nameZh' | 'nameEn', value: string) => {
    const text = value.trim();
    if (!text || text === reason[field]) return;
    update.mutate({ id: reason.id, version: reason.version, input: { [field]: text } }, { onSuccess: saved, onError });
  };

  const columns: TableColumnsType<LostReason> = [
    {
      key: 'nameZh',
      title: t('pipelineSettings.nameZh'),
      render: (_, r) => (
        <Input
          key={`${r.id}-${r.version}`}
          defaultValue={r.nameZh}
          maxLength={100}
          onBlur={(e) => rename(r, 'nameZh', e.target.value)}
        />
      ),
    },
    {
      key: 'nameEn',
      title: t('pipelineSettings.nameEn'),
      render: (_, r) => (
        <Input
          key={`${r.id}-${r.version}`}
          defaultValue={r.nameEn}
          maxLength={100}
          onBlur={(e) => rename(r, 'nameEn', e.target.value)}
        />
      ),
    },
    {
      key: 'active',
      title: t('pipelineSettings.active'),
      render: (_, r) => (
        <Switch
          checked={r.active}
          onChange={(active) =>
            update.mutate({ id: r.id, version: r.version, input: { active } }, { onSuccess: saved, onError })
          }
        />
      ),
    },
    {
      key: 'delete',
      width: 60,
      render: (_, r) => (
        <Popconfirm
          title={t('pipelineSettings.deleteReasonConfirm')}
          onConfirm={() =>
            remove.mutate(
              { id: r.id, version: r.version },
              { onSuccess: () => void message.success(t('pipelineSettings.reasonDeleted')), onError },
            )
          }
        >
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={t('pipelineSettings.reasonsTitle')}>
      <Table<LostReason>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={reasons}
        loading={isPending}
        pagination={false}
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 16 }}
        onFinish={(values) =>
          create.mutate(
            { nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim() },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('pipelineSettings.reasonAdded'));
              },
              onError: (error) => handleError(error, { form }),
            },
          )
        }
      >
        <Form.Item name="nameZh" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input placeholder={t('pipelineSettings.nameZh')} maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input placeholder={t('pipelineSettings.nameEn')} maxLength={100} />
        </Form.Item>
        <Flex>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
            {t('pipelineSettings.addReason')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
