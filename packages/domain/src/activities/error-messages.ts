import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of activities, with a message for every UI language. */
export const activityErrors = defineErrorMessages(['activity'], {
  'activity.contact_not_of_customer': {
    en: 'Only contacts of this customer can take part.',
    'zh-CN': '只能选择该客户的联系人作为参与人。',
  },
  'activity.participant_not_allowed': {
    en: 'Only active colleagues can take part.',
    'zh-CN': '只能选择在职同事作为参与人。',
  },
  'activity.next_task_not_allowed': {
    en: 'You may not create tasks, so the next step cannot be saved as one.',
    'zh-CN': '您没有创建任务的权限，无法保存下一步任务。',
  },
  'activity.opportunity_other_customer': {
    en: 'The opportunity belongs to another customer.',
    'zh-CN': '该商机属于其他客户。',
  },
});
