import { activityErrorMessages } from '../activities/error-messages';
import { customerErrorMessages } from '../customers/error-messages';
import { importErrorMessages } from '../imports/import-error-messages';
import { moneyErrorMessages } from '../money/error-messages';
import { noteErrorMessages } from '../notes/error-messages';
import { opportunityErrorMessages } from '../opportunities/error-messages';
import { poolErrorMessages } from '../pool/error-messages';
import { salesEventErrorMessages } from '../sales-events/error-messages';
import { shipmentErrorMessages } from '../shipments/error-messages';
import { webhookErrorMessages } from '../webhooks/webhook-schemas';
import type { Locale } from './locale';

/**
 * Stable error codes of the API. The code is the contract; the messages are for people and
 * exist in every UI language. New modules add their codes here so the web can translate them.
 */
export const errorMessages = {
  'validation.failed': { en: 'Some fields are not valid.', 'zh-CN': '部分字段填写有误。' },
  'request.malformed': { en: 'The request could not be read.', 'zh-CN': '无法解析请求内容。' },
  'request.too_large': { en: 'The request is too large.', 'zh-CN': '请求内容过大。' },
  'request.unsupported_media_type': {
    en: 'This content type is not accepted.',
    'zh-CN': '不支持该内容类型。',
  },
  'request.rate_limited': {
    en: 'Too many requests. Please wait and try again.',
    'zh-CN': '请求过于频繁，请稍后再试。',
  },
  'auth.unauthenticated': { en: 'Please sign in.', 'zh-CN': '请先登录。' },
  'auth.invalid_credentials': {
    en: 'The email or password is not correct.',
    'zh-CN': '邮箱或密码不正确。',
  },
  'auth.locked': {
    en: 'Too many failed sign-ins. The account is locked for a while.',
    'zh-CN': '登录失败次数过多，账号已被暂时锁定。',
  },
  'auth.disabled': { en: 'This account is disabled.', 'zh-CN': '该账号已停用。' },
  'auth.csrf_invalid': {
    en: 'The security token is missing or wrong. Reload the page and try again.',
    'zh-CN': '安全令牌缺失或无效，请刷新页面后重试。',
  },
  'auth.wrong_password': {
    en: 'The current password is not correct.',
    'zh-CN': '当前密码不正确。',
  },
  'auth.password_weak': {
    en: 'The password must have at least 10 characters with letters and digits.',
    'zh-CN': '密码至少 10 位，且须同时包含字母和数字。',
  },
  'auth.password_common': {
    en: 'This password is too easy to guess. Choose one that is not a common word with digits.',
    'zh-CN': '该密码过于常见，容易被猜中，请换一个（不要用常见单词加数字）。',
  },
  'permission.denied': {
    en: 'You do not have permission to do this.',
    'zh-CN': '您没有执行此操作的权限。',
  },
  'resource.not_found': { en: 'Not found.', 'zh-CN': '未找到。' },
  'route.not_found': { en: 'There is no such address.', 'zh-CN': '该地址不存在。' },
  'conflict.version': {
    en: 'Someone else changed this record. Reload it and apply your change again.',
    'zh-CN': '该记录已被他人修改，请刷新后重新编辑。',
  },
  'request.version_required': {
    en: 'Send the version you are changing (If-Match: "<version>"), so no one else\'s change is overwritten.',
    'zh-CN': '请在 If-Match 中带上所修改记录的版本号，以免覆盖他人的修改。',
  },
  'conflict.already_exists': { en: 'This already exists.', 'zh-CN': '该记录已存在。' },
  'conflict.in_use': {
    en: 'This is still in use and cannot be deleted.',
    'zh-CN': '该记录仍在使用中，无法删除。',
  },
  'setup.already_done': {
    en: 'Setup has already been completed.',
    'zh-CN': '系统已完成初始化。',
  },
  'idempotency.key_reused': {
    en: 'This Idempotency-Key was already used for a different request.',
    'zh-CN': '该幂等键已用于另一个不同的请求。',
  },
  'idempotency.in_progress': {
    en: 'A request with this Idempotency-Key is still being processed.',
    'zh-CN': '使用该幂等键的请求仍在处理中。',
  },
  'user.email_taken': { en: 'This email is already in use.', 'zh-CN': '该邮箱已被使用。' },
  'user.cannot_disable_self': {
    en: 'You cannot disable or delete your own account.',
    'zh-CN': '不能停用或删除自己的账号。',
  },
  'team.name_taken': { en: 'A team with this name exists.', 'zh-CN': '已存在同名团队。' },
  'team.parent_cycle': {
    en: 'A team cannot be placed under itself or one of its sub-teams.',
    'zh-CN': '团队不能隶属于自身或其下级团队。',
  },
  'team.manager_outside_scope': {
    en: 'You can only name yourself or a member of your teams as a manager.',
    'zh-CN': '只能指定您本人或您团队中的成员为负责人。',
  },
  'team.parent_outside_scope': {
    en: 'You can only place a team under a team you manage.',
    'zh-CN': '只能将团队置于您管理范围内的团队之下。',
  },
  'role.key_taken': { en: 'A role with this key exists.', 'zh-CN': '已存在相同标识的角色。' },
  'role.builtin_readonly': {
    en: 'Built-in roles cannot be deleted.',
    'zh-CN': '内置角色不能删除。',
  },
  'role.admin_locked': {
    en: 'The administrator role always keeps full permissions.',
    'zh-CN': '管理员角色始终拥有全部权限。',
  },
  'validation.invalid_value': {
    en: 'Not one of the allowed values.',
    'zh-CN': '取值不在允许范围内。',
  },
  'validation.invalid_text': {
    en: 'The text contains characters that cannot be saved (NUL or broken Unicode).',
    'zh-CN': '文本中含有无法保存的字符（NUL 或残缺的 Unicode 字符）。',
  },
  'import.file_required': { en: 'Choose a CSV or .xlsx file.', 'zh-CN': '请选择 CSV 或 .xlsx 文件。' },
  'import.file_unreadable': {
    en: 'The file could not be read. Save it again as CSV (UTF-8) or .xlsx and retry.',
    'zh-CN': '无法读取该文件，请重新另存为 CSV（UTF-8）或 .xlsx 文件后再试。',
  },
  'import.file_type': {
    en: 'Only .csv, .txt and .xlsx files can be imported. Save an .xls workbook as .xlsx first.',
    'zh-CN': '只能导入 .csv、.txt 或 .xlsx 文件。.xls 工作簿请先另存为 .xlsx。',
  },
  'import.mapping_invalid': {
    en: 'The column mapping must be a JSON object from column header to a known field name.',
    'zh-CN': '列映射须为 JSON 对象：源列名 → 已知字段名。',
  },
  'import.mapping_needs_name': {
    en: 'No column is mapped to the customer name.',
    'zh-CN': '没有任何列对应到客户名称。',
  },
  'customer.merge_self': {
    en: 'A customer cannot be merged into itself.',
    'zh-CN': '客户不能与自身合并。',
  },
  'tag.name_taken': { en: 'A tag with this name exists.', 'zh-CN': '已存在同名标签。' },
  'contact.personal_data_hidden': {
    en: "Your role may not see or set this contact's phones, emails, WeChat or birthday.",
    'zh-CN': '您的角色无权查看或填写该联系人的电话、邮箱、微信或生日。',
  },
  'reference.invalid': {
    en: 'The referenced record does not exist.',
    'zh-CN': '引用的记录不存在。',
  },
  'reference.user_inactive': { en: 'This user is disabled.', 'zh-CN': '该用户已停用。' },
  'internal.error': {
    en: 'Something went wrong on our side. Please try again.',
    'zh-CN': '服务器内部错误，请稍后重试。',
  },
  ...customerErrorMessages,
  ...noteErrorMessages,
  ...poolErrorMessages,
  ...salesEventErrorMessages,
  ...opportunityErrorMessages,
  ...importErrorMessages,
  ...activityErrorMessages,
  ...shipmentErrorMessages,
  ...moneyErrorMessages,
  ...webhookErrorMessages,
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;
export function errorMessage(code: string, locale: Locale): string {
  const entry = (errorMessages as Record<string, Record<Locale, string>>)[code];
  return entry ? entry[locale] : code;
}
