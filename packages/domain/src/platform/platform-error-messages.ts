import { defineErrorMessages } from './error-messages';

/**
 * The codes the platform answers with, whatever the module: validation, malformed requests, permissions,
 * versions, idempotency, paging, references. Stable: clients depend on them.
 */
export const platformErrors = defineErrorMessages(
  [
    'validation',
    'request',
    'permission',
    'resource',
    'route',
    'conflict',
    'idempotency',
    'reference',
    'internal',
    'pagination',
  ],
  {
    'validation.failed': { en: 'Some fields are not valid.', 'zh-CN': '部分字段填写有误。' },
    'validation.invalid_value': {
      en: 'Not one of the allowed values.',
      'zh-CN': '取值不在允许范围内。',
    },
    'validation.invalid_text': {
      en: 'The text contains characters that cannot be saved (NUL or broken Unicode).',
      'zh-CN': '文本中含有无法保存的字符（NUL 或残缺的 Unicode 字符）。',
    },
    'validation.too_big': { en: 'The value is too long or too large.', 'zh-CN': '内容过长或数值过大。' },
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
    'request.version_required': {
      en: 'Send the version you are changing (If-Match: "<version>"), so no one else\'s change is overwritten.',
      'zh-CN': '请在 If-Match 中带上所修改记录的版本号，以免覆盖他人的修改。',
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
    'conflict.already_exists': { en: 'This already exists.', 'zh-CN': '该记录已存在。' },
    'conflict.in_use': {
      en: 'This is still in use and cannot be deleted.',
      'zh-CN': '该记录仍在使用中，无法删除。',
    },
    'idempotency.key_reused': {
      en: 'This Idempotency-Key was already used for a different request.',
      'zh-CN': '该幂等键已用于另一个不同的请求。',
    },
    'idempotency.in_progress': {
      en: 'A request with this Idempotency-Key is still being processed.',
      'zh-CN': '使用该幂等键的请求仍在处理中。',
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
    'pagination.cursor_invalid': {
      en: 'This page position is not valid. Start again from the first page.',
      'zh-CN': '分页位置无效，请从第一页重新开始。',
    },
  },
);
