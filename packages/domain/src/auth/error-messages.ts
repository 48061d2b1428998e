import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of signing in, sessions and passwords, with a message for every UI language. */
export const authErrors = defineErrorMessages(['auth'], {
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
});

/** Stable codes of the first setup of an organisation, with a message for every UI language. */
export const setupErrors = defineErrorMessages(['setup'], {
  'setup.already_done': {
    en: 'Setup has already been completed.',
    'zh-CN': '系统已完成初始化。',
  },
});
