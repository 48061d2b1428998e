import type { Locale } from '../platform/locale';

/** Stable codes of activities, tasks and next-step rules, with a message for every UI language. */
export const activityErrorMessages = {
  'activity.contact_not_of_customer': {
    en: 'Only contacts of this customer can take part.',
    'zh-CN': '只能选择该客户的联系人作为参与人。',
  },
  'activity.participant_not_allowed': {
    en: 'Only active colleagues can take part.',
    'zh-CN': '只能选择在职同事作为参与人。',
  },
  'activity.opportunity_other_customer': {
    en: 'The opportunity belongs to another customer.',
    'zh-CN': '该商机属于其他客户。',
  },
  'task.assignee_not_allowed': {
    en: 'You cannot assign tasks to this person.',
    'zh-CN': '您不能把任务分配给此人。',
  },
  'task.related_not_found': {
    en: 'The linked record does not exist or is not visible to you.',
    'zh-CN': '关联的记录不存在或您无权查看。',
  },
  'task.time_zone_invalid': {
    en: 'Unknown time zone.',
    'zh-CN': '无法识别的时区。',
  },
  'next_step.stage_unknown': {
    en: 'There is no such open stage in the pipeline.',
    'zh-CN': '销售流程中没有这个进行中的阶段。',
  },
} as const satisfies Record<string, Record<Locale, string>>;
