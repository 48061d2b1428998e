import { captureLeadInputSchema, type SalesEvent } from '@berth/domain';
import { App, type ButtonProps, Divider, Flex, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { CountrySelect } from '../../components/country-select';
import { PortSelect } from '../../components/port-select';
import { TransportModeSelect } from '../../components/transport-mode-select';
import { useCaptureLead } from './use-sales-events';

interface LeadValues {
  companyName?: string;
  creditCode?: string;
  country?: string | null;
  contactName?: string;
  phone?: string;
  email?: string;
  lane?: { pol?: string; pod?: string; mode?: string };
  message?: string;
  note?: string;
}

const fields = captureLeadInputSchema.shape;

/** The lane only counts when something of it was filled in; then all of it is required. */
function toBody(values: LeadValues) {
  const lane = values.lane;
  const anyLane = !!(lane?.pol || lane?.pod || lane?.mode);
  return { ...values, country: values.country || null, lane: anyLane ? lane : null };
}

/**
 * The quick lead form at an event: the company (found when already known, else created as a
 * prospect), the person met, and optionally the lane they asked about, which becomes an inquiry.
 * The form stays open for the next visitor.
 */
export function LeadFormModal({ event, onClose }: { event: SalesEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { rule, parse } = useZodForm();
  const [form] = Form.useForm<LeadValues>();
  const capture = useCaptureLead(event.id);

  const onFinish = (values: LeadValues) => {
    const input = parse(captureLeadInputSchema, toBody(values), form);
    if (!input) return;
    capture.mutate(input, {
      onSuccess: (lead) => {
        if (lead.handedOver) {
          const owner = lead.handedToName;
          void message.info(
            t(owner ? 'salesEvents.leads.handedOver' : 'salesEvents.leads.handedOverNoOwner', {
              name: lead.customerName,
              owner,
            }),
          );
        } else {
          void message.success(
            t(lead.existingCustomer ? 'salesEvents.leads.capturedExisting' : 'salesEvents.leads.captured', {
              name: lead.customerName,
            }),
          );
        }
        form.resetFields();
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  return (
    <Modal
      open
      title={t('salesEvents.leads.captureTitle', { event: event.name })}
      okText={t('salesEvents.leads.capture')}
      cancelText={t('common.close')}
      okButtonProps={{ 'data-testid': 'save-lead' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={capture.isPending}
      destroyOnHidden
      width={640}
    >
      <Form form={form} name="lead" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="companyName"
          label={t('salesEvents.leads.company')}
          required
          rules={[rule(fields.companyName)]}
        >
          <Input maxLength={200} data-testid="lead-company" />
        </Form.Item>
        <Flex gap="middle">
          <Form.Item name="creditCode" label={t('salesEvents.leads.creditCode')} style={{ flex: 1 }}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="country" label={t('salesEvents.leads.country')} style={{ flex: 1 }}>
            <CountrySelect />
          </Form.Item>
        </Flex>
        <Flex gap="middle">
          <Form.Item name="contactName" label={t('salesEvents.leads.contactName')} style={{ flex: 1 }}>
            <Input maxLength={100} data-testid="lead-contact" />
          </Form.Item>
          <Form.Item name="phone" label={t('salesEvents.leads.phone')} style={{ flex: 1 }}>
            <Input maxLength={50} data-testid="lead-phone" />
          </Form.Item>
          <Form.Item name="email" label={t('salesEvents.leads.email')} style={{ flex: 1 }}>
            <Input maxLength={254} data-testid="lead-email" />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start" plain>
          {t('salesEvents.leads.lane')}
        </Divider>
        <Flex gap="middle">
          <Form.Item name={['lane', 'pol']} label={t('salesEvents.leads.pol')} style={{ flex: 2 }}>
            <PortSelect data-testid="lead-pol" />
          </Form.Item>
          <Form.Item name={['lane', 'pod']} label={t('salesEvents.leads.pod')} style={{ flex: 2 }}>
            <PortSelect data-testid="lead-pod" />
          </Form.Item>
          <Form.Item name={['lane', 'mode']} label={t('salesEvents.leads.mode')} style={{ flex: 1 }}>
            <TransportModeSelect allowClear showSearch={{ optionFilterProp: 'label' }} data-testid="lead-mode" />
          </Form.Item>
        </Flex>
        <Form.Item name="message" label={t('salesEvents.leads.message')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="note" label={t('salesEvents.leads.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="lead-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
