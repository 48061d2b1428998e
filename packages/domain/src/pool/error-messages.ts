import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of ownership and the public pool, with a message for every UI language. */
export const poolErrors = defineErrorMessages(['pool'], {
  'pool.not_in_pool': {
    en: 'This customer is not in the public pool any more; someone may have just claimed it.',
    'zh-CN': '该客户已不在公海中，可能刚被他人领取。',
  },
  'pool.already_in_pool': { en: 'This customer is already in the public pool.', 'zh-CN': '该客户已在公海中。' },
  'pool.claim_limit': {
    en: 'You already hold as many customers claimed from the pool as the rules allow.',
    'zh-CN': '您从公海领取并持有的客户已达上限。',
  },
  'pool.daily_claim_limit': {
    en: 'You have made as many claims in the last 24 hours as the rules allow.',
    'zh-CN': '您在 24 小时内的领取次数已达上限。',
  },
  'pool.not_owner': {
    en: 'Only the owner or a manager can put this customer back into the pool.',
    'zh-CN': '只有负责人或经理可以将该客户退回公海。',
  },
  'pool.user_inactive': { en: 'This user is disabled.', 'zh-CN': '该用户已停用。' },
  'pool.same_user': {
    en: 'Choose a different user to hand the customers over to.',
    'zh-CN': '请选择另一位用户接收客户。',
  },
});
