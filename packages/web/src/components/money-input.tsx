import { anyMoney, errorMessage, MoneyDecimal, MoneyError, type MoneyJson, maxStoredAmount } from '@berth/domain';
import { Form, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../app/i18n';
import { CurrencySelect } from './currency-select';

/** Currency preselected next to an empty amount. */
export const defaultCurrency = 'CNY';

/** What a money input holds in a form: the amount as decimal text (never a float) and its currency. */
export interface MoneyValue {
  amount?: string | null;
  currency?: string | null;
}

/** The form value of an API amount; an empty amount in the default currency when there is none. */
export function moneyToValue(money: MoneyJson | null | undefined, currency = defaultCurrency): MoneyValue {
  return money ? { amount: money.amount, currency: money.currency } : { amount: null, currency };
}

/** The API amount of a form value: null when no amount is given (the schemas check the rest). */
export function valueToMoney(value: MoneyValue | undefined): { amount: string; currency: string } | null {
  const amount = value?.amount === undefined || value.amount === null ? '' : String(value.amount).trim();
  if (amount === '') return null;
  return { amount, currency: value?.currency ?? '' };
}

interface MoneyInputProps {
  /** Name path of the money object, e.g. ['billing', 'creditLimit']; the inputs are `amount` and `currency`. */
  name: (string | number)[];
  label: string;
  /** Whether a negative amount is allowed (a margin); amounts are not negative otherwise. */
  negative?: boolean;
  disabled?: boolean;
  /** Test id of the amount input; the currency select gets `<testId>-currency`. */
  testId?: string;
}

/**
 * An amount with its currency on one line, the one money input of the console. The amount is kept as decimal
 * text (`stringMode`) and checked against the currency's minor units as the server checks it; an empty amount
 * means "not given". Server field errors on `<name>.amount` and `<name>.currency` land on the two inputs.
 */
export function MoneyInput({ name, label, negative, disabled, testId }: MoneyInputProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const check = async (_rule: unknown, amount: unknown) => {
    const text = amount === undefined || amount === null ? '' : String(amount).trim();
    if (text === '') return;
    const currency = form.getFieldValue([...name, 'currency']) as string | undefined;
    if (!currency) return;
    let code: string | null = null;
    try {
      const value = anyMoney(text, currency).amount;
      if (value.abs().greaterThanOrEqualTo(new MoneyDecimal(maxStoredAmount))) code = 'money.amount_invalid';
      else if (!negative && value.isNegative() && !value.isZero()) code = 'money.amount_negative';
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      code = error.code;
    }
    if (code) throw new Error(errorMessage(code, currentLocale()));
  };
  return (
    <Form.Item label={label} required={false}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          noStyle
          name={[...name, 'amount']}
          rules={[{ validator: check }]}
          dependencies={[[...name, 'currency']]}
        >
          <InputNumber<string>
            stringMode
            min={negative ? undefined : '0'}
            disabled={disabled}
            style={{ width: '60%' }}
            data-testid={testId}
            aria-label={`${label} ${t('common.amount')}`}
          />
        </Form.Item>
        <Form.Item noStyle name={[...name, 'currency']}>
          <CurrencySelect
            disabled={disabled}
            style={{ width: '40%' }}
            data-testid={testId ? `${testId}-currency` : undefined}
            aria-label={`${label} ${t('common.currency')}`}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
