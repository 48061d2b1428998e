import { data, publishDate } from 'currency-codes';
import type { Locale } from '../platform/locale';

/** ISO 4217 currencies from the currency-codes package (its list is dated `currencyListDate`). */
export interface Currency {
  code: string;
  numeric: string;
  /** Digits after the decimal point: 2 for CNY and USD, 0 for JPY and KRW, 3 for KWD. */
  minorUnits: number;
  nameEn: string;
  /** The name Chinese finance staff use; undefined where none is common, so the English name is shown. */
  nameZh: string | undefined;
}

export const currencyListDate: string = publishDate;

// XTS is reserved for testing and XXX means "no currency": neither belongs on an invoice.
const notForTrade = new Set(['XTS', 'XXX']);

const chineseNames: Record<string, string> = {
  CNY: '人民币',
  USD: '美元',
  EUR: '欧元',
  HKD: '港币',
  MOP: '澳门元',
  TWD: '新台币',
  JPY: '日元',
  KRW: '韩元',
  GBP: '英镑',
  SGD: '新加坡元',
  AUD: '澳元',
  NZD: '新西兰元',
  CAD: '加元',
  CHF: '瑞士法郎',
  SEK: '瑞典克朗',
  NOK: '挪威克朗',
  DKK: '丹麦克朗',
  ISK: '冰岛克朗',
  PLN: '波兰兹罗提',
  CZK: '捷克克朗',
  HUF: '匈牙利福林',
  RON: '罗马尼亚列伊',
  BGN: '保加利亚列弗',
  RUB: '卢布',
  UAH: '乌克兰格里夫纳',
  TRY: '土耳其里拉',
  THB: '泰铢',
  MYR: '马来西亚林吉特',
  VND: '越南盾',
  IDR: '印尼盾',
  PHP: '菲律宾比索',
  KHR: '柬埔寨瑞尔',
  LAK: '老挝基普',
  MMK: '缅甸元',
  INR: '印度卢比',
  PKR: '巴基斯坦卢比',
  BDT: '孟加拉塔卡',
  LKR: '斯里兰卡卢比',
  KZT: '哈萨克斯坦坚戈',
  UZS: '乌兹别克斯坦苏姆',
  MNT: '蒙古图格里克',
  AED: '阿联酋迪拉姆',
  SAR: '沙特里亚尔',
  QAR: '卡塔尔里亚尔',
  OMR: '阿曼里亚尔',
  KWD: '科威特第纳尔',
  BHD: '巴林第纳尔',
  JOD: '约旦第纳尔',
  IQD: '伊拉克第纳尔',
  IRR: '伊朗里亚尔',
  ILS: '以色列新谢克尔',
  EGP: '埃及镑',
  MAD: '摩洛哥迪拉姆',
  NGN: '尼日利亚奈拉',
  KES: '肯尼亚先令',
  TZS: '坦桑尼亚先令',
  GHS: '加纳塞地',
  ETB: '埃塞俄比亚比尔',
  ZAR: '南非兰特',
  XAF: '中非法郎',
  XOF: '西非法郎',
  BRL: '巴西雷亚尔',
  MXN: '墨西哥比索',
  ARS: '阿根廷比索',
  CLP: '智利比索',
  COP: '哥伦比亚比索',
  PEN: '秘鲁索尔',
};

export const currencies: readonly Currency[] = data
  .filter((currency) => !notForTrade.has(currency.code))
  .map((currency) => ({
    code: currency.code,
    numeric: currency.number,
    minorUnits: currency.digits,
    nameEn: currency.currency,
    nameZh: chineseNames[currency.code],
  }));

const byCode = new Map(currencies.map((currency) => [currency.code, currency]));

/** Whether `code` is an ISO 4217 currency code usable on an amount, exactly as given (upper case). */
export function isCurrencyCode(code: string): boolean {
  return byCode.has(code);
}

export function findCurrency(code: string): Currency | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/** The currency's name in the UI language (English where no Chinese name is common), or undefined if unknown. */
export function currencyName(code: string, locale: Locale): string | undefined {
  const currency = findCurrency(code);
  if (!currency) return undefined;
  return locale === 'zh-CN' ? (currency.nameZh ?? currency.nameEn) : currency.nameEn;
}
