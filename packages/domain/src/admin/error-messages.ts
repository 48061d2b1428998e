import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of the users module, with a message for every UI language. */
export const userErrors = defineErrorMessages(['user'], {
  'user.email_taken': { en: 'This email is already in use.', 'zh-CN': '该邮箱已被使用。' },
  'user.cannot_disable_self': {
    en: 'You cannot disable or delete your own account.',
    'zh-CN': '不能停用或删除自己的账号。',
  },
});

/** Stable codes of the teams module, with a message for every UI language. */
export const teamErrors = defineErrorMessages(['team'], {
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
});

/** Stable codes of the roles module, with a message for every UI language. */
export const roleErrors = defineErrorMessages(['role'], {
  'role.key_taken': { en: 'A role with this key exists.', 'zh-CN': '已存在相同标识的角色。' },
  'role.builtin_readonly': {
    en: 'Built-in roles cannot be deleted.',
    'zh-CN': '内置角色不能删除。',
  },
  'role.admin_locked': {
    en: 'The administrator role always keeps full permissions.',
    'zh-CN': '管理员角色始终拥有全部权限。',
  },
});
