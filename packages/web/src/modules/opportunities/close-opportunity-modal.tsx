import type { Stage } from '@berth/domain';
import { type ButtonProps, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLostReasons } from './use-pipeline-settings';

interface CloseOpportunityModalProps {
  title: string;
  stage: Stage;
  submitting: boolean;
  onCancel: () => void;
  onConfirm: (extra: { lostReasonId?: string; lostNote?: string | null }) => void;
}

/** Confirms a win, or asks why the opportunity was lost. */
export function CloseOpportunityModal({ title, stage, submitting, onCancel, onConfirm }: CloseOpportunityModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ lostReasonId?: string; lostNote?: string }>();
  const { reasons } = useLostReasons();
  const lost = stage.kind === 'lost';

  return (
    <Modal
      open
      title={lost ? t('opportunities.lostTitle', { title }) : t('opportunities.wonTitle', { title })}
      okText={lost ? t('opportunities.lostConfirm') : t('opportunities.wonConfirm')}
      okButtonProps={{ danger: lost, loading: submitting, 'data-testid': 'confirm-close' } as ButtonProps}
      onCancel={onCancel}
      onOk={() => {
        if (!lost) return onConfirm({});
        void form
          .validateFields()
          .then((values) =>
            onConfirm({ lostReasonId: values.lostReasonId, lostNote: values.lostNote?.trim() || null }),
          );
      }}
      destroyOnHidden
    >
      <div data-testid="close-opportunity-modal">
        {lost ? (
          <Form form={form} layout="vertical" name="close-opportunity">
            <Form.Item
              name="lostReasonId"
              label={t('opportunities.fields.lostReason')}
              rules={[{ required: true, message: t('opportunities.lostReasonRequired') }]}
            >
              <Select
                options={reasons.map((reason) => ({ value: reason.id, label: reason.name }))}
                data-testid="lost-reason"
              />
            </Form.Item>
            <Form.Item name="lostNote" label={t('opportunities.fields.lostNote')}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="lost-note" />
            </Form.Item>
          </Form>
        ) : (
          <Typography.Paragraph>{t('opportunities.wonBody')}</Typography.Paragraph>
        )}
      </div>
    </Modal>
  );
}
