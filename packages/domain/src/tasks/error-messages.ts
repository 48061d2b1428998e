import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of tasks and next-step rules, with a message for every UI language. */
export const taskErrors = defineErrorMessages(['task', 'next_step'], {
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
});
