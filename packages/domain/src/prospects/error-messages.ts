import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of prospect assignment, with a message for every UI language. */
export const prospectErrors = defineErrorMessages(['prospect'], {
  'prospect.not_assignable': {
    en: 'This prospect does not exist, is no longer a prospect, or is outside what you may assign.',
    'zh-CN': '该潜在客户不存在、已不是潜在客户，或不在您可分配的范围内。',
  },
  'prospect.manual_needs_one_user': {
    en: 'Choose exactly one rep to assign the prospects to.',
    'zh-CN': '手动分配时请只选择一位销售。',
  },
});
