import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of sales events, their rosters, checklists and leads, with a message for every UI language. */
export const salesEventErrors = defineErrorMessages(['sales_event'], {
  'sales_event.ends_before_start': { en: 'The end must be after the start.', 'zh-CN': '结束时间必须晚于开始时间。' },
  'sales_event.shift_outside_event': {
    en: 'The shift must lie within the time of the event.',
    'zh-CN': '班次须在活动时间范围内。',
  },
  'sales_event.shift_not_participant': {
    en: 'Only participants of the event can be put on the roster.',
    'zh-CN': '只能为活动参与人排班。',
  },
  'sales_event.shift_overlap': {
    en: 'This person already has a shift at this time.',
    'zh-CN': '此人在该时间段已有班次。',
  },
  'sales_event.shifts_outside_event': {
    en: 'Shifts of the roster would lie outside the new time of the event. Move or remove them first.',
    'zh-CN': '排班表中有班次将落在活动新时间之外，请先调整或删除这些班次。',
  },
  'sales_event.owner_outside_scope': {
    en: 'You can only make yourself or someone of your team the owner of an event.',
    'zh-CN': '只能将活动负责人设为自己或本团队成员。',
  },
  'sales_event.user_inactive': { en: 'This user is disabled.', 'zh-CN': '该用户已停用。' },
  'sales_event.has_leads': {
    en: 'Leads were captured at this event; it is kept for their attribution and cannot be deleted.',
    'zh-CN': '该活动已登记线索，为保留线索来源不能删除。',
  },
  'sales_event.checklist_item_unknown': {
    en: 'This checklist item no longer exists; someone may have removed it.',
    'zh-CN': '该准备事项已不存在，可能已被他人删除。',
  },
});
