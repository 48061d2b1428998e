import { MessageOutlined } from '@ant-design/icons';
import {
  type CreateInquiryInput,
  createInquiryInputSchema,
  endpoints,
  type LoggedInquiryChannel,
  loggedInquiryChannels,
} from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Col, Form, Input, InputNumber, Modal, Row, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { PortSelect } from '../../components/port-select';
import { TransportModeSelect } from '../../components/transport-mode-select';
import { CustomerPicker } from './form/customer-picker';
import { opportunityKeys } from './query-keys';
import { useRefreshOpportunities } from './use-opportunities';

interface QuickInquiryValues {
  customerId?: string;
  pol?: string;
  pod?: string;
  mode?: string;
  volume?: { teu?: number | null; cbm?: number | null; kg?: number | null };
  channel: LoggedInquiryChannel;
  message?: string;
}

interface QuickInquiryModalProps {
  /** Set when logged from a customer's page: the customer is fixed. */
  customer?: { id: string; name: string };
  onClose: () => void;
}

/**
 * Logs a price inquiry a rep took by WeChat, phone, email or a visit: customer, lane, mode, cargo and how it came.
 * It joins the customer's open opportunity on that lane or opens one in the inquiry stage, as every inquiry does.
 */
export function QuickInquiryModal({ customer, onClose }: QuickInquiryModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefreshOpportunities();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<QuickInquiryValues>();
  const create = useMutation({
    mutationFn: (input: CreateInquiryInput) => call(endpoints.inquiries.create, { body: input }),
    onSuccess: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: opportunityKeys.inquiries })]),
  });

  const onFinish = (values: QuickInquiryValues) => {
    const volume = Object.fromEntries(
      Object.entries(values.volume ?? {}).filter(([, v]) => typeof v === 'number'),
    ) as QuickInquiryValues['volume'];
    const input = parse(
      createInquiryInputSchema,
      {
        customerId: values.customerId,
        pol: values.pol,
        pod: values.pod,
        mode: values.mode,
        channel: values.channel,
        message: values.message,
        volume: volume && Object.keys(volume).length > 0 ? volume : undefined,
      },
      form,
    );
    if (!input) return;
    create.mutate(input, {
      onSuccess: (inquiry) => {
        const open = () => navigate(`/opportunities/${encodeURIComponent(inquiry.opportunityId)}`);
        void message.success({
          content: t(
            inquiry.openedOpportunity ? 'opportunities.quickInquiry.opened' : 'opportunities.quickInquiry.joined',
          ),
          onClick: open,
          style: { cursor: 'pointer' },
        });
        onClose();
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open
      width={600}
      title={t('opportunities.quickInquiry.title')}
      okText={t('opportunities.quickInquiry.submit')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'submit-inquiry' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="quick-inquiry"
        onFinish={onFinish}
        initialValues={{ customerId: customer?.id, channel: 'wechat', mode: 'fcl' }}
        data-testid="quick-inquiry-form"
      >
        <Form.Item name="customerId" label={t('opportunities.quickInquiry.customer')} rules={required}>
          <CustomerPicker
            initialLabel={customer?.name}
            disabled={Boolean(customer)}
            placeholder={t('opportunities.customerPlaceholder')}
            data-testid="inquiry-customer"
          />
        </Form.Item>
        <Row gutter={8}>
          <Col span={9}>
            <Form.Item name="pol" label={t('opportunities.fields.pol')} rules={required}>
              <PortSelect placeholder={t('opportunities.fields.pol')} data-testid="inquiry-pol" />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="pod" label={t('opportunities.fields.pod')} rules={required}>
              <PortSelect placeholder={t('opportunities.fields.pod')} data-testid="inquiry-pod" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="mode" label={t('opportunities.fields.mode')} rules={required}>
              <TransportModeSelect data-testid="inquiry-mode" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('opportunities.quickInquiry.cargo')}>
          <Row gutter={8}>
            {(['teu', 'cbm', 'kg'] as const).map((unit) => (
              <Col key={unit} span={8}>
                <Form.Item name={['volume', unit]} noStyle>
                  <InputNumber<number>
                    min={0}
                    placeholder={t(`opportunities.fields.${unit}`)}
                    aria-label={t(`opportunities.fields.${unit}`)}
                    style={{ width: '100%' }}
                    data-testid={`inquiry-${unit}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
        <Form.Item name="channel" label={t('opportunities.quickInquiry.channel')}>
          <Segmented
            options={loggedInquiryChannels.map((channel) => ({
              value: channel,
              label: t(`opportunities.inquiries.channels.${channel}`),
            }))}
            data-testid="inquiry-channel"
          />
        </Form.Item>
        <Form.Item name="message" label={t('opportunities.quickInquiry.message')}>
          <Input.TextArea
            rows={3}
            maxLength={5000}
            placeholder={t('opportunities.quickInquiry.messagePlaceholder')}
            data-testid="inquiry-message"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Log inquiry" on a page (the board, a customer): for users who may create inquiries. */
export function LogInquiryButton({ customer, type }: { customer?: { id: string; name: string }; type?: 'primary' }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('inquiries', 'create')) return null;
  return (
    <>
      <Button type={type} icon={<MessageOutlined />} onClick={() => setOpen(true)} data-testid="log-inquiry">
        {t('opportunities.quickInquiry.action')}
      </Button>
      {open && <QuickInquiryModal customer={customer} onClose={() => setOpen(false)} />}
    </>
  );
}
