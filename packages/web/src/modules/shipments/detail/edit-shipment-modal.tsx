import { incoterms, type Shipment, type UpdateShipmentInput, updateShipmentInputSchema } from '@berth/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-error';
import { changedFields } from '../../../app/diff';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { MoneyInput, type MoneyValue, moneyToValue, valueToMoney } from '../../../components/money-input';
import { PortSelect } from '../../../components/port-select';
import { TransportModeSelect } from '../../../components/transport-mode-select';
import { shipmentKeys } from '../query-keys';
import { useUpdateShipment } from '../use-shipment';
import { ContainerFields, PartyFields } from './shipment-list-fields';

const textFields = [
  'bookingNumber',
  'masterBl',
  'houseBl',
  'carrier',
  'vessel',
  'voyage',
  'flightNumber',
  'commodity',
  'hsCode',
] as const;
const dateFields = ['etd', 'eta', 'atd', 'ata'] as const;
const numberFields = ['packages', 'grossWeightKg', 'volumeCbm', 'chargeableWeightKg'] as const;

type TextField = (typeof textFields)[number];
type DateField = (typeof dateFields)[number];
type NumberField = (typeof numberFields)[number];

export type ShipmentFormValues = {
  mode: string;
  pol?: string | null;
  pod?: string | null;
  incoterm?: string | null;
} & {
  [K in TextField]?: string | null;
} & { [K in DateField]?: Dayjs | null } & { [K in NumberField]?: number | null } & {
  containers?: { number?: string; type?: string; seal?: string | null }[];
  parties?: { role?: string; customerId?: string | null; name?: string | null }[];
  revenue?: MoneyValue;
  cost?: MoneyValue;
};

export function formValuesOf(s: Shipment): ShipmentFormValues {
  const values: ShipmentFormValues = {
    mode: s.mode,
    pol: s.pol,
    pod: s.pod,
    incoterm: s.incoterm,
    containers: s.containers.map((c) => ({ number: c.number, type: c.type, seal: c.seal ?? '' })),
    parties: s.parties.map((p) => ({ role: p.role, customerId: p.customerId ?? undefined, name: p.writtenName ?? '' })),
    revenue: moneyToValue(s.revenue),
    cost: moneyToValue(s.cost),
  };
  for (const key of textFields) values[key] = s[key];
  for (const key of dateFields) values[key] = s[key] ? dayjs(s[key]) : null;
  for (const key of numberFields) values[key] = s[key];
  return values;
}

const given = (value: string | null | undefined) => value?.trim() || undefined;

/** The form's values as the PATCH body takes them: empty texts and dates as null, instants in ISO 8601. */
export function toShipmentInput(values: ShipmentFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    mode: values.mode,
    pol: values.pol ?? null,
    pod: values.pod ?? null,
    incoterm: values.incoterm ?? null,
  };
  for (const key of textFields) input[key] = values[key]?.trim() || null;
  for (const key of dateFields) input[key] = values[key] ? (values[key] as Dayjs).toISOString() : null;
  for (const key of numberFields) input[key] = values[key] ?? null;
  input.containers = (values.containers ?? []).map((c) => ({
    number: c.number?.trim() ?? '',
    type: c.type ?? '',
    seal: given(c.seal) ?? null,
  }));
  // A party is sent by its customer when linked, with the name as written when there is one.
  input.parties = (values.parties ?? []).map((p) => ({
    role: p.role,
    ...(p.customerId ? { customerId: p.customerId } : {}),
    ...(given(p.name) ? { name: given(p.name) } : {}),
  }));
  input.revenue = valueToMoney(values.revenue);
  input.cost = valueToMoney(values.cost);
  return input;
}

/**
 * Corrects a shipment by hand at the version shown (If-Match); only the changed fields are sent. A 412 (someone or a
 * feed changed the record meanwhile) closes the dialog with its own notice and reloads the shipment.
 */
export function EditShipmentModal({ shipment, onClose }: { shipment: Shipment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const can = useCan();
  const customerNames = Object.fromEntries(
    shipment.parties.filter((p) => p.customerId).map((p) => [p.customerId as string, p.name ?? '']),
  );
  const [form] = Form.useForm<ShipmentFormValues>();
  const update = useUpdateShipment();
  const queryClient = useQueryClient();

  const onFinish = (values: ShipmentFormValues) => {
    const changes = changedFields(toShipmentInput(formValuesOf(shipment)), toShipmentInput(values));
    if (Object.keys(changes).length === 0) return onClose();
    const input = parse(updateShipmentInputSchema, changes, form);
    if (!input) return;
    update.mutate(
      { shipment, input: input as UpdateShipmentInput },
      {
        onSuccess: () => {
          void message.success(t('shipments.saved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 412) {
            notification.warning({ title: t('shipments.conflictTitle'), description: t('shipments.conflict') });
            void queryClient.invalidateQueries({ queryKey: shipmentKeys.shipments });
            onClose();
            return;
          }
          handleError(error, { form });
        },
      },
    );
  };

  const text = (name: TextField, max?: number) => (
    <Col xs={24} sm={12} key={name}>
      <Form.Item name={name} label={t(`shipments.fields.${name}`)}>
        <Input maxLength={max} data-testid={`shipment-${name}`} />
      </Form.Item>
    </Col>
  );
  const instant = (name: DateField) => (
    <Col xs={24} sm={12} key={name}>
      <Form.Item name={name} label={t(`shipments.fields.${name}`)}>
        <DatePicker showTime style={{ width: '100%' }} data-testid={`shipment-${name}`} />
      </Form.Item>
    </Col>
  );
  const amount = (name: NumberField) => (
    <Col xs={24} sm={12} key={name}>
      <Form.Item name={name} label={t(`shipments.fields.${name}`)}>
        <InputNumber min={0} style={{ width: '100%' }} data-testid={`shipment-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open
      width={760}
      title={t('shipments.edit')}
      okText={t('common.save')}
      okButtonProps={{ loading: update.isPending, 'data-testid': 'save-shipment' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="shipment-edit"
        onFinish={onFinish}
        initialValues={formValuesOf(shipment)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="mode" label={t('shipments.fields.mode')} rules={[{ required: true }]}>
              <TransportModeSelect data-testid="shipment-mode" />
            </Form.Item>
          </Col>
          {text('bookingNumber', 50)}
          {text('masterBl', 50)}
          {text('houseBl', 50)}
          <Col xs={24} sm={12}>
            <Form.Item name="pol" label={t('shipments.pol')}>
              <PortSelect data-testid="shipment-pol" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="pod" label={t('shipments.pod')}>
              <PortSelect data-testid="shipment-pod" />
            </Form.Item>
          </Col>
          {text('carrier', 100)}
          {text('vessel', 100)}
          {text('voyage', 30)}
          {text('flightNumber', 20)}
          {dateFields.map(instant)}
          {text('commodity', 200)}
          {text('hsCode')}
          <Col xs={24} sm={12}>
            <Form.Item name="incoterm" label={t('shipments.fields.incoterm')}>
              <Select allowClear options={incoterms.map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          {numberFields.map(amount)}
        </Row>
        <Divider titlePlacement="start">{t('shipments.cards.money')}</Divider>
        {/* A role without the money right sees no amount and sets none (the server refuses it as well). */}
        <Row gutter={16}>
          {can('revenue', 'read') && (
            <Col xs={24} sm={12}>
              <MoneyInput name={['revenue']} label={t('shipments.fields.revenue')} negative testId="shipment-revenue" />
            </Col>
          )}
          {can('costMargin', 'read') && (
            <Col xs={24} sm={12}>
              <MoneyInput name={['cost']} label={t('shipments.fields.cost')} negative testId="shipment-cost" />
            </Col>
          )}
        </Row>
        <Divider titlePlacement="start">{t('shipments.cards.containers')}</Divider>
        <ContainerFields />
        <Divider titlePlacement="start">{t('shipments.cards.parties')}</Divider>
        <PartyFields customerNames={customerNames} />
      </Form>
    </Modal>
  );
}
