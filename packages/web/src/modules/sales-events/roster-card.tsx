import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Roster, SalesEvent, Shift } from '@berth/domain';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-error';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { fromPickerValue, toPickerValue } from '../../app/zoned-picker';
import { useSalesEventLabels } from './use-sales-event-labels';
import { useRoster, useSaveRoster } from './use-sales-events';

interface NewShift {
  userId?: string;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  note?: string;
}

const timeFormat = 'YYYY-MM-DD HH:mm';
const asInput = (items: Shift[]) =>
  items.map(({ userId, startsAt, endsAt, note }) => ({ userId, startsAt, endsAt, note }));

/**
 * The duty roster: who staffs the booth (or the visit) when. Shifts are added and removed by sending
 * the whole roster at the event's version; the server refuses shifts outside the event, of
 * non-participants, or overlapping another shift of the same person, on the new shift's fields.
 */
export function RosterCard({ event, editable }: { event: SalesEvent; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const labels = useSalesEventLabels();
  const { data: roster, isPending } = useRoster(event.id);
  const save = useSaveRoster(event.id);
  const [form] = Form.useForm<NewShift>();

  const send = (current: Roster, shifts: ReturnType<typeof asInput>, onDone?: () => void) =>
    save.mutate(
      { input: { shifts }, version: current.version },
      {
        onSuccess: () => {
          void message.success(t('salesEvents.roster.saved'));
          onDone?.();
        },
        onError: (error) => {
          // Problems of the new shift (the last one) belong on the add form.
          const prefix = `shifts.${shifts.length - 1}.`;
          const own = isApiError(error) ? error.fieldErrors.filter((f) => f.field.startsWith(prefix)) : [];
          if (own.length === 0) return handleError(error);
          form.setFields(
            own.map((f) => ({ name: f.field.slice(prefix.length) as keyof NewShift, errors: [f.message] })),
          );
        },
      },
    );
  const add = (values: NewShift) => {
    if (!roster || !values.userId || !values.startsAt || !values.endsAt) return;
    const shift = {
      userId: values.userId,
      startsAt: fromPickerValue(values.startsAt) as string,
      endsAt: fromPickerValue(values.endsAt) as string,
      note: values.note || null,
    };
    send(roster, [...asInput(roster.items), shift], () => form.setFieldsValue({ userId: undefined, note: undefined }));
  };

  const columns: TableColumnsType<Shift> = [
    { key: 'user', title: t('salesEvents.roster.user'), dataIndex: 'userName' },
    { key: 'time', title: t('salesEvents.roster.time'), render: (_, s) => labels.span(s) },
    { key: 'note', title: t('salesEvents.roster.note'), render: (_, s) => s.note ?? t('common.none') },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, s) => (
        <Button
          type="text"
          size="small"
          icon={<DeleteOutlined />}
          aria-label={t('salesEvents.roster.remove')}
          onClick={() => roster && send(roster, asInput(roster.items.filter((x) => x.id !== s.id)))}
          data-testid="roster-remove"
        />
      ),
    });
  }

  return (
    <Card title={t('salesEvents.roster.title')} data-testid="event-roster">
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={roster?.items ?? []}
        loading={isPending}
        pagination={false}
        locale={{ emptyText: t('salesEvents.roster.empty') }}
        data-testid="roster-table"
      />
      {editable && event.participants.length === 0 && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('salesEvents.roster.needParticipants')} />
      )}
      {editable && event.participants.length > 0 && (
        <Form
          form={form}
          name="shift"
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ startsAt: toPickerValue(event.startsAt), endsAt: toPickerValue(event.endsAt) }}
          onFinish={add}
        >
          <Form.Item name="userId" rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('salesEvents.roster.user')}
              aria-label={t('salesEvents.roster.user')}
              style={{ width: 160 }}
              options={event.participants.map((p) => ({ value: p.id, label: p.name }))}
              data-testid="shift-user"
            />
          </Form.Item>
          <Form.Item name="startsAt" rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={timeFormat} data-testid="shift-starts" />
          </Form.Item>
          <Form.Item name="endsAt" rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={timeFormat} data-testid="shift-ends" />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('salesEvents.roster.note')} maxLength={500} style={{ width: 160 }} />
          </Form.Item>
          <Flex>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={save.isPending} data-testid="shift-add">
              {t('salesEvents.roster.add')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
