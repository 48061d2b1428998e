import { type ExchangeRateInput, endpoints, exchangeRateInputSchema } from '@berth/domain';
import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { CurrencySelect } from '../../../components/currency-select';

interface Values {
  base: string;
  quote: string;
  rate: string;
  date: Dayjs;
}

/** Enters one rate: 1 base = rate quote from the date on (the same pair and day again replaces it). */
export function ExchangeRateModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const save = useMutation({
    mutationFn: (body: ExchangeRateInput) => call(endpoints.exchangeRates.save, { body }),
    onSuccess: onSaved,
    onError: (error) => handleError(error, { form }),
  });
  const base = Form.useWatch('base', form);
  const quote = Form.useWatch('quote', form);
  const rate = Form.useWatch('rate', form);

  const submit = async () => {
    const values = await form.validateFields();
    const input = parse(exchangeRateInputSchema, { ...values, date: values.date?.format('YYYY-MM-DD') }, form);
    if (input) save.mutate(input);
  };

  return (
    <Modal
      open
      title={t('exchangeRates.addTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="exchange-rate" initialValues={{ quote: 'CNY', date: dayjs() }}>
        <Form.Item
          name="base"
          label={t('exchangeRates.base')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <CurrencySelect data-testid="rate-base" />
        </Form.Item>
        <Form.Item
          name="quote"
          label={t('exchangeRates.quote')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <CurrencySelect data-testid="rate-quote" />
        </Form.Item>
        <Form.Item
          name="rate"
          label={t('exchangeRates.rate')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={base && quote && rate ? t('exchangeRates.meaning', { base, quote, rate }) : undefined}
        >
          <Input inputMode="decimal" placeholder="7.1" data-testid="rate-value" />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('exchangeRates.date')}
          extra={t('exchangeRates.dateHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker data-testid="rate-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
