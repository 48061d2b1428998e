import { type CodeOf, defineErrorMessages } from '../platform/error-messages';

/** Stable codes of opportunities, stages, lost reasons and inquiries, with a message for every UI language. */
export const opportunityErrors = defineErrorMessages(['opportunity'], {
  'opportunity.stage_unknown': {
    en: 'There is no active stage with this key.',
    'zh-CN': '不存在该阶段，或该阶段已停用。',
  },
  'opportunity.lost_reason_required': {
    en: 'Choose why the opportunity was lost.',
    'zh-CN': '请选择丢单原因。',
  },
  'opportunity.lost_reason_unknown': {
    en: 'There is no active lost reason with this id.',
    'zh-CN': '该丢单原因不存在或已停用。',
  },
  'opportunity.revenue_hidden': {
    en: 'Your role may not see or set the revenue of this opportunity.',
    'zh-CN': '您的角色无权查看或填写此商机的收入。',
  },
  'opportunity.cost_margin_hidden': {
    en: 'Your role may not see or set the margin of this opportunity.',
    'zh-CN': '您的角色无权查看或填写此商机的毛利。',
  },
  'opportunity.owner_outside_scope': {
    en: 'You can only give opportunities to yourself or your team.',
    'zh-CN': '只能将商机分配给自己或本团队成员。',
  },
  'opportunity.contact_other_customer': {
    en: 'This contact belongs to another customer.',
    'zh-CN': '该联系人不属于此客户。',
  },
  'opportunity.customer_unknown': {
    en: 'There is no such customer, or you may not work on it.',
    'zh-CN': '客户不存在，或您无权操作该客户。',
  },
  'opportunity.date_invalid': {
    en: 'Not a valid date (YYYY-MM-DD, years 1900–2999).',
    'zh-CN': '日期无效（格式 YYYY-MM-DD，年份 1900–2999）。',
  },
  'opportunity.stage_key_duplicate': {
    en: 'Each stage key may appear only once.',
    'zh-CN': '阶段标识不能重复。',
  },
  'opportunity.stage_open_required': {
    en: 'Keep at least one active open stage before won and lost.',
    'zh-CN': '赢单和丢单之前至少要保留一个启用的进行中阶段。',
  },
  'opportunity.closed_stage_fixed': {
    en: 'Won and lost always stay active with 100 % and 0 %; only their names can change.',
    'zh-CN': '赢单与丢单阶段始终启用，概率固定为 100% 和 0%，只能修改名称。',
  },
  'opportunity.stage_in_use': {
    en: 'Open opportunities are still in this stage. Move them before deactivating it.',
    'zh-CN': '仍有进行中的商机处于该阶段，请先将其移走再停用。',
  },
});

export type OpportunityErrorCode = CodeOf<typeof opportunityErrors>;
