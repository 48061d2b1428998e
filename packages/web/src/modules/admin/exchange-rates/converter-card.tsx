import { type ConversionDto, endpoints } from '@berth/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { isApiError } from '../../../app/api-error';
import { currentLocale } from '../../../app/i18n';
import { useMe } from '../../../app/session';
import { CurrencySelect } from '../../../components/currency-select';

interface Values {
  amount: string;
  currency: string;
  to: string;
  date: Dayjs;
}

/** "Which rate does a report use for this amount on this day?": the server converts as reports do and says. */
export function ConverterCard() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const convert = useMutation({
    mutationFn: (values: Values) =>
      call(endpoints.exchangeRates.convert, {
        query: {
          amount: values.amount,
          currency: values.currency,
          to: values.to,
          date: values.date.format('YYYY-MM-DD'),
        },
      }),
  });

  const result: ConversionDto | undefined = convert.data;
  const error = convert.error;
  return (
    <Card title={t('exchangeRates.converter')} style={{ marginBottom: 16 }}>
      <Form<Values>
        form={form}
        layout="inline"
        name="rate-converter"
        initialValues={{
          amount: '1000.00',
          currency: 'USD',
          to: me?.organization.reportingCurrency ?? 'CNY',
          date: dayjs(),
        }}
        onFinish={(values) => convert.mutate(values)}
      >
        <Form.Item
          name="amount"
          label={t('exchangeRates.amount')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input inputMode="decimal" style={{ width: 140 }} data-testid="convert-amount" />
        </Form.Item>
        <Form.Item name="currency" rules={[{ required: true, message: t('validation.required') }]}>
          <CurrencySelect style={{ width: 110 }} data-testid="convert-from" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('exchangeRates.into')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <CurrencySelect style={{ width: 110 }} data-testid="convert-to" />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('exchangeRates.on')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker data-testid="convert-date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={convert.isPending} data-testid="convert-submit">
          {t('exchangeRates.convert')}
        </Button>
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={isApiError(error) ? error.displayMessage(currentLocale()) : t('errors.unexpected')}
          data-testid="convert-error"
        />
      )}
      {result && !error && (
        <Descriptions size="small" column={1} style={{ marginTop: 16 }} data-testid="convert-result">
          <Descriptions.Item label={t('exchangeRates.result')}>
            {`${result.from.amount} ${result.from.currency} = ${result.to.amount} ${result.to.currency}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('exchangeRates.rateUsed')}>
            {result.rateUsed
              ? t(result.rateUsed.direction === 'inverse' ? 'exchangeRates.usedInverse' : 'exchangeRates.usedDirect', {
                  base: result.rateUsed.base,
                  quote: result.rateUsed.quote,
                  rate: result.rateUsed.rate,
                  date: result.rateUsed.date,
                })
              : t('exchangeRates.sameCurrency')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
