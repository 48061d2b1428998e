import { endpoints, type OrgSettings, updateOrgSettingsInputSchema } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, InputNumber, Select, Spin, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { formatDateTime } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { meQueryKey } from '../../../app/session';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { CurrencySelect } from '../../../components/currency-select';
import { PageTitle } from '../../../components/page-title';
import { TimeZoneSelect } from '../../../components/time-zone-select';
import { adminKeys } from '../query-keys';

type Values = Omit<OrgSettings, 'version' | 'updatedAt'>;

/** ISO weekdays 1 (Monday) … 7 (Sunday) and their text keys. */
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

function valuesOf({ version: _version, updatedAt: _updatedAt, ...values }: OrgSettings): Values {
  return values;
}

/** Dates typed or pasted as a list ("2026-10-01, 2026-10-02"); each one is checked by the server. */
function DateListSelect(props: {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      id={props.id}
      mode="tags"
      value={props.value}
      onChange={(value: string[]) => props.onChange?.([...new Set(value.map((v) => v.trim()))].sort())}
      tokenSeparators={[',', ' ', '，', '、', '\n']}
      placeholder={t('orgSettings.datesPlaceholder')}
      open={false}
      data-testid={props.testId}
      style={{ width: '100%' }}
    />
  );
}

/** The organisation's settings: reporting currency, time zone, fiscal year, working calendar, delay rule. */
export function OrgSettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('orgSettings', 'update');
  const [form] = Form.useForm<Values>();
  const { parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: adminKeys.orgSettings, queryFn: () => call(endpoints.orgSettings.get) });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(valuesOf(settings.data));
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof updateOrgSettingsInputSchema.parse>) =>
      call(endpoints.orgSettings.update, { body, version: settings.data?.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.orgSettings, saved);
      // The organisation's zone and currency are part of the signed-in user's session answer.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      void message.success(t('common.saved'));
    },
    onError: (error) =>
      handleError(error, {
        form,
        onConflict: () => void queryClient.invalidateQueries({ queryKey: adminKeys.orgSettings }),
      }),
  });

  const weekdayOptions = useMemo(
    () => weekdays.map((day, index) => ({ value: index + 1, label: t(`orgSettings.weekdays.${day}`) })),
    [t],
  );
  const monthOptions = useMemo(
    () => months.map((month) => ({ value: month, label: t('orgSettings.month', { month }) })),
    [t],
  );

  const onFinish = (values: Values) => {
    const calendar = values.workingCalendar;
    const input = parse(
      updateOrgSettingsInputSchema,
      {
        ...values,
        workingCalendar: {
          workingWeekdays: calendar.workingWeekdays ?? [],
          holidays: calendar.holidays ?? [],
          workingDays: calendar.workingDays ?? [],
        },
      },
      form,
    );
    if (input) save.mutate(input);
  };

  return (
    <>
      <PageTitle title={t('orgSettings.title')} />
      <Typography.Paragraph type="secondary">{t('orgSettings.intro')}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('orgSettings.readOnly')} style={{ marginBottom: 16 }} />}
      {settings.isLoading ? (
        <Spin />
      ) : (
        <Form<Values>
          form={form}
          name="org-settings"
          layout="vertical"
          disabled={!editable}
          onFinish={onFinish}
          style={{ maxWidth: 720 }}
        >
          <Card title={t('orgSettings.general')} style={{ marginBottom: 16 }}>
            <Form.Item
              name="reportingCurrency"
              label={t('orgSettings.reportingCurrency')}
              extra={t('orgSettings.reportingCurrencyHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <CurrencySelect data-testid="org-reporting-currency" style={{ width: 280 }} />
            </Form.Item>
            <Form.Item
              name="timeZone"
              label={t('orgSettings.timeZone')}
              extra={t('orgSettings.timeZoneHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <TimeZoneSelect data-testid="org-time-zone" style={{ width: 280 }} />
            </Form.Item>
            <Form.Item name="fiscalYearStartMonth" label={t('orgSettings.fiscalYearStartMonth')}>
              <Select options={monthOptions} style={{ width: 160 }} data-testid="org-fiscal-month" />
            </Form.Item>
          </Card>
          <Card title={t('orgSettings.calendar')} style={{ marginBottom: 16 }}>
            <Form.Item name={['workingCalendar', 'workingWeekdays']} label={t('orgSettings.workingWeekdays')}>
              <Checkbox.Group options={weekdayOptions} />
            </Form.Item>
            <Form.Item
              name={['workingCalendar', 'holidays']}
              label={t('orgSettings.holidays')}
              extra={t('orgSettings.holidaysHint')}
              validateTrigger={[]}
            >
              <DateListSelect testId="org-holidays" />
            </Form.Item>
            <Form.Item
              name={['workingCalendar', 'workingDays']}
              label={t('orgSettings.workingDays')}
              extra={t('orgSettings.workingDaysHint')}
              validateTrigger={[]}
            >
              <DateListSelect testId="org-working-days" />
            </Form.Item>
          </Card>
          <Card title={t('orgSettings.shipments')} style={{ marginBottom: 16 }}>
            <Form.Item
              name="shipmentDelayHours"
              label={t('orgSettings.shipmentDelayHours')}
              extra={t('orgSettings.shipmentDelayHoursHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber
                min={1}
                max={720}
                precision={0}
                addonAfter={t('orgSettings.hours')}
                data-testid="org-delay-hours"
              />
            </Form.Item>
          </Card>
          {editable && (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="org-settings-save">
              {t('common.save')}
            </Button>
          )}
          {settings.data?.updatedAt && (
            <Typography.Text type="secondary" style={{ marginLeft: 16 }}>
              {t('orgSettings.updatedAt', { at: formatDateTime(settings.data.updatedAt) })}
            </Typography.Text>
          )}
        </Form>
      )}
    </>
  );
}
