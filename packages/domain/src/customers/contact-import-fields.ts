import { parseBooleanWord, parseDateWord, splitList, suggestMapping } from '../imports/import-values';
import { contactChannels } from './contact-schemas';

/**
 * The columns a contact import understands, with the headers Chinese and English spreadsheets use
 * for them. A row names its customer by code, credit code or exact name (the first one filled in
 * of these, in that order).
 */
export const contactImportFields = {
  customerCode: ['客户编码', '客户编号', '客户代码', 'customer code', 'customer no', 'customer number'],
  customerCreditCode: [
    '统一社会信用代码',
    '客户统一社会信用代码',
    '信用代码',
    'credit code',
    'customer credit code',
    'uscc',
  ],
  customerName: ['客户名称', '所属客户', '公司名称', '公司', '客户', 'customer', 'customer name', 'company'],
  name: ['姓名', '联系人', '联系人姓名', '名字', 'name', 'contact', 'contact name', 'full name'],
  title: ['职务', '职位', '岗位', 'title', 'job title', 'position'],
  phones: ['电话', '手机', '手机号', '手机号码', '联系电话', 'phone', 'phones', 'mobile', 'tel', 'telephone'],
  emails: ['邮箱', '电子邮件', '邮件', 'email', 'emails', 'e-mail', 'mail'],
  wechat: ['微信', '微信号', 'wechat', 'weixin'],
  birthday: ['生日', '出生日期', 'birthday', 'date of birth', 'birth date', 'dob'],
  isPrimary: ['主要联系人', '是否主要联系人', '首要联系人', 'primary', 'is primary', 'primary contact'],
  preferredChannel: ['偏好联系方式', '首选联系方式', '联系方式偏好', 'preferred channel', 'channel'],
  marketingConsent: [
    '同意接收营销信息',
    '营销同意',
    '接收营销信息',
    'marketing consent',
    'consent',
    'accepts marketing',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ContactImportField = keyof typeof contactImportFields;
export const contactImportFieldNames = Object.keys(contactImportFields) as ContactImportField[];
/** A contact row must name its customer through one of these columns. */
export const contactCustomerReferenceFields = ['customerCode', 'customerCreditCode', 'customerName'] as const;

export function suggestContactMapping(headers: string[]): Record<string, ContactImportField> {
  return suggestMapping(contactImportFields, headers);
}

const channelLabels: Record<string, (typeof contactChannels)[number]> = {
  电话: 'phone',
  手机: 'phone',
  邮件: 'email',
  邮箱: 'email',
  'e-mail': 'email',
  微信: 'wechat',
  个人微信: 'wechat',
  weixin: 'wechat',
  'we chat': 'wechat',
  企业微信: 'wecom',
  企微: 'wecom',
  'wechat work': 'wecom',
  wecom: 'wecom',
  wework: 'wecom',
  'weixin work': 'wecom',
  telephone: 'phone',
  mobile: 'phone',
  mail: 'email',
  拜访: 'visit',
  上门: 'visit',
  上门拜访: 'visit',
};

export interface ContactCustomerReference {
  code: string | null;
  creditCode: string | null;
  name: string | null;
}

/**
 * One spreadsheet row (field → cell text) as the body the contact API takes (without the
 * customer), the customer it names, and the cells that could not be read as yes/no or a date.
 */
export function contactImportRow(values: Partial<Record<ContactImportField, string>>): {
  customer: ContactCustomerReference;
  input: Record<string, unknown>;
  problems: { field: ContactImportField; code: 'import.boolean_invalid' | 'import.date_invalid' }[];
} {
  const v = (field: ContactImportField) => values[field]?.trim() || undefined;
  const problems: { field: ContactImportField; code: 'import.boolean_invalid' | 'import.date_invalid' }[] = [];
  const input: Record<string, unknown> = { name: v('name') ?? '' };
  if (v('title')) input.title = v('title');
  if (v('wechat')) input.wechat = v('wechat');
  input.phones = v('phones') ? splitList(v('phones') as string) : [];
  input.emails = v('emails') ? splitList(v('emails') as string) : [];
  const birthday = v('birthday');
  if (birthday) {
    const date = parseDateWord(birthday);
    if (date) input.birthday = date;
    else problems.push({ field: 'birthday', code: 'import.date_invalid' });
  }
  for (const field of ['isPrimary', 'marketingConsent'] as const) {
    const text = v(field);
    if (!text) continue;
    const flag = parseBooleanWord(text);
    if (flag === null) problems.push({ field, code: 'import.boolean_invalid' });
    else input[field] = flag;
  }
  const channel = v('preferredChannel');
  if (channel) {
    const key = channel.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
    input.preferredChannel = (contactChannels as readonly string[]).includes(key)
      ? key
      : (channelLabels[key] ?? channel);
  }
  return {
    customer: {
      code: v('customerCode')?.normalize('NFKC').toUpperCase() ?? null,
      creditCode: v('customerCreditCode') ?? null,
      name: v('customerName') ?? null,
    },
    input,
    problems,
  };
}
