import {
  createSalesEventInputSchema,
  type SalesEvent,
  salesEventKinds,
  updateSalesEventInputSchema,
} from '@berth/domain';
import { App, type ButtonProps, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { fromPickerValue, toPickerValue } from '../../app/zoned-picker';
import { MoneyInput, type MoneyValue, moneyToValue, valueToMoney } from '../../components/money-input';
import { UserPicker } from '../../components/user-picker';
import { useSalesEventLabels } from './use-sales-event-labels';
import { useCreateSalesEvent, useUpdateSalesEvent } from './use-sales-events';

interface FormValues {
  kind?: SalesEvent['kind'];
  name?: string;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  place?: string;
  description?: string;
  cost?: MoneyValue;
  participantIds?: string[];
}

const fields = createSalesEventInputSchema.shape;
const timeFormat = 'YYYY-MM-DD HH:mm';

function toBody(values: FormValues) {
  return {
    kind: values.kind,
    name: values.name,
    startsAt: fromPickerValue(values.startsAt) ?? undefined,
    endsAt: fromPickerValue(values.endsAt) ?? undefined,
    place: values.place ?? null,
    description: values.description ?? null,
    cost: valueToMoney(values.cost),
  };
}

/** Plans a new event (with its participants) or edits one at the version read. */
export function SalesEventFormModal({ event, onClose }: { event?: SalesEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const { rule, parse } = useZodForm();
  const labels = useSalesEventLabels();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateSalesEvent();
  const update = useUpdateSalesEvent(event as SalesEvent);
  const saving = create.isPending || update.isPending;

  const onFinish = (values: FormValues) => {
    if (event) {
      const input = parse(updateSalesEventInputSchema, toBody(values), form);
      if (!input) return;
      update.mutate(input, {
        onSuccess: () => {
          void message.success(t('salesEvents.saved'));
          onClose();
        },
        onError: (error) => handleError(error, { form, onConflict: onClose }),
      });
      return;
    }
    const input = parse(
      createSalesEventInputSchema,
      { ...toBody(values), participantIds: values.participantIds ?? [] },
      form,
    );
    if (!input) return;
    create.mutate(input, {
      onSuccess: (created) => {
        void message.success(t('salesEvents.created'));
        onClose();
        navigate(`/sales-events/${encodeURIComponent(created.id)}`);
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  const start = dayjs().add(7, 'day').hour(9).minute(0).second(0).millisecond(0);
  const initialValues: FormValues = event
    ? {
        kind: event.kind,
        name: event.name,
        startsAt: toPickerValue(event.startsAt),
        endsAt: toPickerValue(event.endsAt),
        place: event.place ?? undefined,
        description: event.description ?? undefined,
        cost: moneyToValue(event.cost),
      }
    : { kind: 'trade_show', startsAt: start, endsAt: start.hour(17), cost: { currency: 'CNY' }, participantIds: [] };

  return (
    <Modal
      open
      title={t(event ? 'salesEvents.editTitle' : 'salesEvents.createTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'save-sales-event' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Form form={form} name="salesEvent" layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <Form.Item name="kind" label={t('salesEvents.fields.kind')} required>
          <Select
            options={salesEventKinds.map((k) => ({ value: k, label: labels.kind(k) }))}
            data-testid="event-kind"
          />
        </Form.Item>
        <Form.Item name="name" label={t('salesEvents.fields.name')} required rules={[rule(fields.name)]}>
          <Input maxLength={200} data-testid="event-name" />
        </Form.Item>
        <Flex gap="middle">
          <Form.Item
            name="startsAt"
            label={t('salesEvents.fields.startsAt')}
            required
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={timeFormat}
              style={{ width: '100%' }}
              data-testid="event-starts"
            />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('salesEvents.fields.endsAt')}
            required
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={timeFormat}
              style={{ width: '100%' }}
              data-testid="event-ends"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('salesEvents.fields.place')}>
          <Input maxLength={300} data-testid="event-place" />
        </Form.Item>
        <MoneyInput name={['cost']} label={t('salesEvents.fields.costAmount')} testId="event-cost" />
        {!event && (
          <Form.Item name="participantIds" label={t('salesEvents.fields.participants')}>
            <UserPicker mode="multiple" activeOnly data-testid="event-participants" />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('salesEvents.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
