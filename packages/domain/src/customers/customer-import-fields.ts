import type { LabelCatalogue } from '../platform/labels';
import { countries } from '../reference/countries';
import { customerRoleLabels, customerStatusLabels, relationshipTypeLabels } from './customer-labels';
import {
  customerRoles,
  customerStatuses,
  relationshipTypes,
  settlementTypes,
  specialCargoKinds,
} from './customer-schemas';
import { parseLaneText } from './lane-text';

/**
 * The columns a customer import understands. Each has its API name and the headers Chinese and
 * English spreadsheets use for it, so most files map themselves without a mapping.
 */
export const customerImportFields = {
  // The record's code and creation time, as exports write them: recognised so a file exported from Berth maps
  // itself, but never imported (the system gives codes; a row finds its customer by credit code or name).
  code: ['客户编码', '客户编号', '编码', 'customer code', 'code'],
  createdAt: ['创建时间', '创建日期', 'created', 'created at', 'creation date'],
  // What the export adds from around the record (its primary contact's name, its follow-ups): recognised, not
  // imported either — contacts, activities and tasks have imports and forms of their own.
  primaryContact: ['主要联系人', 'primary contact'],
  lastFollowUpAt: ['最后跟进', '最后跟进时间', 'last follow-up'],
  nextFollowUpAt: ['下次跟进', '下次跟进时间', 'next follow-up'],
  name: [
    '客户名称',
    '公司名称',
    '企业名称',
    '名称',
    '客户',
    'company',
    'company name',
    'customer',
    'customer name',
    'name',
  ],
  nameEn: ['英文名称', '英文名', '公司英文名', 'english name', 'name (english)', 'name en'],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', 'credit code', 'uscc', 'unified social credit code'],
  country: ['国家', '国家/地区', '国家地区', '地区', 'country', 'country/region'],
  address: ['地址', '公司地址', '详细地址', 'address'],
  website: ['网站', '网址', '官网', 'website', 'web'],
  phone: ['电话', '联系电话', '公司电话', '座机', 'phone', 'telephone', 'tel'],
  email: ['邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail'],
  industry: ['行业', '所属行业', 'industry'],
  employees: ['员工人数', '人数', '规模', 'employees', 'staff'],
  status: ['状态', '客户状态', 'status'],
  relationshipType: ['合作类型', '客户类型', '关系类型', 'relationship', 'relationship type', 'type'],
  roles: ['客户角色', '角色', 'roles', 'role'],
  owner: ['负责人', '业务员', '销售', '所属销售', 'owner', 'sales', 'sales rep'],
  lanes: ['航线', '常用航线', 'lanes', 'trade lanes'],
  commodities: ['货物', '品名', '货物品类', '主要货物', 'commodities', 'commodity', 'goods'],
  hsChapters: ['HS章节', 'HS章', 'HS编码章节', '海关编码章节', 'HS chapters', 'HS chapter', 'HS'],
  specialCargo: ['特殊货物', '特种货物', '特殊货类', 'special cargo', 'special handling'],
  invoiceTitle: ['发票抬头', '开票抬头', 'invoice title'],
  taxNumber: ['税号', '纳税人识别号', 'tax number', 'tax id', 'vat'],
  billingAddress: ['开票地址', '账单地址', 'billing address'],
  settlementType: ['结算方式', 'settlement', 'settlement type'],
  paymentTermsDays: ['账期', '账期(天)', '付款期限', 'payment terms', 'payment terms (days)'],
  creditLimit: ['信用额度', '授信额度', 'credit limit'],
  creditCurrency: ['额度币种', '币种', 'currency', 'credit currency'],
  tags: ['标签', '客户标签', 'tags', 'tag', 'customer tags'],
} as const satisfies Record<string, readonly string[]>;

export type CustomerImportField = keyof typeof customerImportFields;

/**
 * The header of each customer column in each language: what the export writes and the import template offers (each is
 * among the field's labels above, so such a file maps itself).
 */
export const customerColumnHeaders: LabelCatalogue<CustomerImportField> = {
  code: { 'zh-CN': '客户编码', en: 'Code' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created' },
  primaryContact: { 'zh-CN': '主要联系人', en: 'Primary contact' },
  lastFollowUpAt: { 'zh-CN': '最后跟进', en: 'Last follow-up' },
  nextFollowUpAt: { 'zh-CN': '下次跟进', en: 'Next follow-up' },
  name: { 'zh-CN': '客户名称', en: 'Name' },
  nameEn: { 'zh-CN': '英文名称', en: 'English name' },
  creditCode: { 'zh-CN': '统一社会信用代码', en: 'Credit code' },
  country: { 'zh-CN': '国家/地区', en: 'Country' },
  address: { 'zh-CN': '地址', en: 'Address' },
  website: { 'zh-CN': '网站', en: 'Website' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '邮箱', en: 'Email' },
  industry: { 'zh-CN': '行业', en: 'Industry' },
  employees: { 'zh-CN': '员工人数', en: 'Employees' },
  status: { 'zh-CN': '状态', en: 'Status' },
  relationshipType: { 'zh-CN': '合作类型', en: 'Relationship' },
  roles: { 'zh-CN': '客户角色', en: 'Roles' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  lanes: { 'zh-CN': '航线', en: 'Lanes' },
  commodities: { 'zh-CN': '主要货物', en: 'Commodities' },
  hsChapters: { 'zh-CN': 'HS章节', en: 'HS chapters' },
  specialCargo: { 'zh-CN': '特殊货物', en: 'Special cargo' },
  invoiceTitle: { 'zh-CN': '发票抬头', en: 'Invoice title' },
  taxNumber: { 'zh-CN': '税号', en: 'Tax number' },
  billingAddress: { 'zh-CN': '开票地址', en: 'Billing address' },
  settlementType: { 'zh-CN': '结算方式', en: 'Settlement' },
  paymentTermsDays: { 'zh-CN': '账期', en: 'Payment terms' },
  creditLimit: { 'zh-CN': '信用额度', en: 'Credit limit' },
  creditCurrency: { 'zh-CN': '额度币种', en: 'Credit currency' },
  tags: { 'zh-CN': '客户标签', en: 'Tags' },
};
/** Columns of an exported file that an import recognises and leaves alone. */
export const customerReadOnlyImportFields = [
  'code',
  'createdAt',
  'primaryContact',
  'lastFollowUpAt',
  'nextFollowUpAt',
] as const satisfies readonly CustomerImportField[];
export const customerImportFieldNames = Object.keys(customerImportFields) as CustomerImportField[];

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-:：()（）/]+/g, '');

/** Matches headers to fields by API name or a known label; unknown headers are left out. */
export function suggestCustomerMapping(headers: string[]): Record<string, CustomerImportField> {
  const byLabel = new Map<string, CustomerImportField>();
  for (const field of customerImportFieldNames) {
    byLabel.set(fold(field), field);
    for (const label of customerImportFields[field]) byLabel.set(fold(label), field);
  }
  const mapping: Record<string, CustomerImportField> = {};
  const taken = new Set<CustomerImportField>();
  for (const header of headers) {
    const field = byLabel.get(fold(header));
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** Every word of a label catalogue, in each language and in lower case, to its code: what the product's exports write. */
function catalogueWords<T extends string>(catalogue: LabelCatalogue<T>): Record<string, T> {
  const words: Record<string, T> = {};
  for (const code of Object.keys(catalogue) as T[]) {
    for (const word of Object.values(catalogue[code]) as string[]) {
      words[word] = code;
      words[word.toLowerCase()] = code;
    }
  }
  return words;
}

const statusLabels: Record<string, (typeof customerStatuses)[number]> = {
  ...catalogueWords(customerStatusLabels),
  潜在客户: 'prospect',
  潜在: 'prospect',
  意向客户: 'prospect',
  合作中: 'active',
  活跃: 'active',
  正常: 'active',
  已停止合作: 'inactive',
  停止合作: 'inactive',
  停用: 'inactive',
  流失: 'inactive',
  临时客户: 'temporary',
  临时: 'temporary',
};
const specialCargoNames: Record<(typeof specialCargoKinds)[number], Record<'zh-CN' | 'en', string>> = {
  dangerous_goods: { 'zh-CN': '危险品', en: 'Dangerous goods' },
  reefer: { 'zh-CN': '冷藏', en: 'Reefer' },
  oversize: { 'zh-CN': '超限', en: 'Oversize' },
  time_critical: { 'zh-CN': '时效', en: 'Time-critical' },
};
/** A special-cargo kind as exports write it (and the import reads it back). */
export function specialCargoLabel(kind: (typeof specialCargoKinds)[number], locale: 'zh-CN' | 'en'): string {
  return specialCargoNames[kind][locale];
}
const specialCargoLabels: Record<string, (typeof specialCargoKinds)[number]> = {
  危险品: 'dangerous_goods',
  危险货物: 'dangerous_goods',
  危化品: 'dangerous_goods',
  dg: 'dangerous_goods',
  'dangerous goods': 'dangerous_goods',
  冷藏: 'reefer',
  冷藏货: 'reefer',
  冷链: 'reefer',
  冷箱: 'reefer',
  超限: 'oversize',
  超限货: 'oversize',
  超大件: 'oversize',
  大件: 'oversize',
  oog: 'oversize',
  时效: 'time_critical',
  时效件: 'time_critical',
  加急: 'time_critical',
  急件: 'time_critical',
  'time-critical': 'time_critical',
  'time critical': 'time_critical',
};
const relationshipLabels: Record<string, (typeof relationshipTypes)[number]> = {
  ...catalogueWords(relationshipTypeLabels),
  散客: 'walk_in',
  挂靠: 'affiliated',
  长期: 'long_term',
  长期客户: 'long_term',
  战略联盟: 'strategic',
  战略: 'strategic',
  'walk-in': 'walk_in',
  'long-term': 'long_term',
};
const roleLabels: Record<string, (typeof customerRoles)[number]> = {
  ...catalogueWords(customerRoleLabels),
  发货人: 'shipper',
  收货人: 'consignee',
  海外代理: 'overseas_agent',
  代理: 'overseas_agent',
  无船承运人: 'nvocc',
  承运人: 'carrier',
  多式联运经营人: 'mto',
  第三方物流: 'third_party_logistics',
  直客: 'direct_customer',
  '3pl': 'third_party_logistics',
};
const settlementLabels: Record<string, (typeof settlementTypes)[number]> = {
  月结: 'monthly',
  单票结算: 'per_shipment',
  单票: 'per_shipment',
  票结: 'per_shipment',
  现结: 'per_shipment',
};

function enumValue<T extends string>(value: string, allowed: readonly T[], labels: Record<string, T>): T | string {
  const key = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(key)) return key as T;
  return labels[value.trim()] ?? labels[key] ?? value.trim();
}

const countryByName = new Map<string, string>();
for (const c of countries) {
  countryByName.set(fold(c.code), c.code);
  countryByName.set(fold(c.nameEn), c.code);
  countryByName.set(fold(c.nameZh), c.code);
}
countryByName.set(fold('中国'), 'CN');

const list = (value: string) =>
  value
    .split(/[,，;；、|\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);
const number = (value: string) => {
  const n = Number(value.replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : value;
};
/** An amount cell as decimal text (thousands separators and spaces dropped), never through a float. */
const decimalText = (value: string) => value.replace(/[,，\s]/g, '');

/**
 * Turns one spreadsheet row (field → cell text) into the body the customer API takes, so the
 * import validates rows with exactly the same schema as the form. Unparseable values are passed
 * through for the schema to report on their field.
 */
export function customerImportRow(values: Partial<Record<CustomerImportField, string>>): {
  input: Record<string, unknown>;
  owner: string | null;
  tags: string[];
} {
  const v = (field: CustomerImportField) => values[field]?.trim() || undefined;
  const input: Record<string, unknown> = { name: v('name') ?? '' };
  for (const field of ['nameEn', 'creditCode', 'address', 'website', 'phone', 'email', 'industry'] as const) {
    if (v(field)) input[field] = v(field);
  }
  const country = v('country');
  if (country) input.country = countryByName.get(fold(country)) ?? country;
  if (v('employees')) input.employees = number(v('employees') as string);
  if (v('status')) input.status = enumValue(v('status') as string, customerStatuses, statusLabels);
  if (v('relationshipType')) {
    input.relationshipType = enumValue(v('relationshipType') as string, relationshipTypes, relationshipLabels);
  }
  if (v('roles')) input.roles = list(v('roles') as string).map((r) => enumValue(r, customerRoles, roleLabels));
  const lanes = v('lanes') ? list(v('lanes') as string).map(parseLaneText) : [];
  input.tradeProfile = {
    lanes,
    commodities: v('commodities') ? list(v('commodities') as string) : [],
    hsChapters: v('hsChapters') ? list(v('hsChapters') as string) : [],
    specialCargo: v('specialCargo')
      ? list(v('specialCargo') as string).map((kind) => enumValue(kind, specialCargoKinds, specialCargoLabels))
      : [],
    preferredModes: [],
  };
  const billing: Record<string, unknown> = {};
  if (v('invoiceTitle')) billing.invoiceTitle = v('invoiceTitle');
  if (v('taxNumber')) billing.taxNumber = v('taxNumber');
  if (v('billingAddress')) billing.billingAddress = v('billingAddress');
  if (v('settlementType'))
    billing.settlementType = enumValue(v('settlementType') as string, settlementTypes, settlementLabels);
  if (v('paymentTermsDays'))
    billing.paymentTermsDays = number((v('paymentTermsDays') as string).replace(/天|days?/gi, ''));
  if (v('creditLimit'))
    billing.creditLimit = { amount: decimalText(v('creditLimit') as string), currency: v('creditCurrency') ?? 'CNY' };
  input.billing = billing;
  return { input, owner: v('owner') ?? null, tags: v('tags') ? list(v('tags') as string) : [] };
}
