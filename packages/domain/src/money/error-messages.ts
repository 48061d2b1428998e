import { type CodeOf, defineErrorMessages } from '../platform/error-messages';

/** Stable codes of amounts and exchange rates, with a message for every UI language. */
export const moneyErrors = defineErrorMessages(['money'], {
  'money.currency_invalid': {
    en: 'Unknown currency: use an ISO 4217 code such as CNY or USD.',
    'zh-CN': '币种无效，请使用 ISO 4217 代码，如 CNY、USD。',
  },
  'money.amount_invalid': {
    en: 'Not an amount: write a decimal number such as 1234.50, without thousands separators.',
    'zh-CN': '金额格式不正确，请填写如 1234.50 的数字，不带千分位。',
  },
  'money.currency_mismatch': {
    en: 'These amounts are in different currencies.',
    'zh-CN': '金额币种不一致。',
  },
  'money.amount_precision': {
    en: 'Too many decimals for this currency (2 for CNY and USD, 0 for JPY).',
    'zh-CN': '小数位数超过该币种允许的位数（人民币、美元 2 位，日元 0 位）。',
  },
  'money.amount_negative': {
    en: 'This amount cannot be negative.',
    'zh-CN': '该金额不能为负数。',
  },
  'money.rate_missing': {
    en: 'No exchange rate for this currency pair on or before this date.',
    'zh-CN': '该币种对在此日期（或之前）没有汇率。',
  },
  'money.rate_invalid': {
    en: 'A rate is a positive decimal number, at most 10 decimals.',
    'zh-CN': '汇率须为正数，最多 10 位小数。',
  },
});

export type MoneyErrorCode = CodeOf<typeof moneyErrors>;
