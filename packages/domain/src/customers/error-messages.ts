import { type CodeOf, defineErrorMessages } from '../platform/error-messages';

/** Stable codes of customers, their contacts and tags, with a message for every UI language. */
export const customerErrors = defineErrorMessages(['customer', 'contact', 'tag'], {
  'customer.credit_code_length': {
    en: 'The Unified Social Credit Code must have exactly 18 characters.',
    'zh-CN': '统一社会信用代码应为 18 位。',
  },
  'customer.credit_code_charset': {
    en: 'The Unified Social Credit Code may only contain digits and capital letters other than I, O, S, V and Z.',
    'zh-CN': '统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）。',
  },
  'customer.credit_code_check_digit': {
    en: 'The Unified Social Credit Code is not valid: its last character does not match. Check it for typos.',
    'zh-CN': '统一社会信用代码校验位不正确，请核对是否输错。',
  },
  'customer.phone_invalid': {
    en: 'This phone number is not valid. Include the area code for landlines, or the country code for numbers abroad.',
    'zh-CN': '电话号码无效。固定电话请带区号，境外号码请带国家代码。',
  },
  'customer.email_invalid': { en: 'This email address is not valid.', 'zh-CN': '邮箱地址无效。' },
  'customer.unlocode_invalid': {
    en: 'This is not a valid UN/LOCODE (two-letter country code and three-character location, e.g. CNSHA).',
    'zh-CN': '不是有效的 UN/LOCODE 代码（两位国家代码加三位地点代码，如 CNSHA）。',
  },
  'customer.hs_chapter_invalid': {
    en: 'Not an HS chapter: give its two digits, 01 to 97 (e.g. 84).',
    'zh-CN': '不是有效的 HS 章号：请填写两位章号 01–97（如 84）。',
  },
  'customer.country_invalid': { en: 'Unknown country or region code.', 'zh-CN': '未知的国家或地区代码。' },
  'customer.currency_invalid': { en: 'Unknown currency code.', 'zh-CN': '未知的币种代码。' },
  'customer.credit_code_taken': {
    en: 'Another customer already has this Unified Social Credit Code.',
    'zh-CN': '已有客户使用该统一社会信用代码。',
  },
  'customer.sort_revenue_hidden': {
    en: 'Your role may not see the revenue of customers, so the list cannot be sorted by it.',
    'zh-CN': '您的角色无权查看客户的收入，不能按收入排序。',
  },
  'customer.billing_not_writable': {
    en: 'Your role may not set billing and credit of this customer.',
    'zh-CN': '您的角色无权填写该客户的开票与信用信息。',
  },
  'customer.owner_outside_scope': {
    en: 'You can only assign customers to yourself or your team.',
    'zh-CN': '只能将客户分配给自己或本团队成员。',
  },
  'customer.merged': {
    en: 'This customer was merged into another record.',
    'zh-CN': '该客户已合并到另一条客户记录。',
  },
  'customer.merge_self': {
    en: 'A customer cannot be merged into itself.',
    'zh-CN': '客户不能与自身合并。',
  },
  'contact.personal_data_hidden': {
    en: "Your role may not see or set this contact's phones, emails, WeChat or birthday.",
    'zh-CN': '您的角色无权查看或填写该联系人的电话、邮箱、微信或生日。',
  },
  'tag.name_taken': { en: 'A tag with this name exists.', 'zh-CN': '已存在同名标签。' },
});

export type CustomerErrorCode = CodeOf<typeof customerErrors>;
