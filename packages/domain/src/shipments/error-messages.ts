import { type CodeOf, defineErrorMessages } from '../platform/error-messages';

/** Stable codes of shipments, their feed and parties, with a message for every UI language. */
export const shipmentErrors = defineErrorMessages(['shipment'], {
  'shipment.money_hidden': {
    en: 'Your role may not see or set this amount of the shipment (revenue, or cost).',
    'zh-CN': '您的角色无权查看或填写此运单的该金额（收入或成本）。',
  },
  'shipment.container_number_invalid': {
    en: 'Not a container number: four letters (owner code and U, J, Z or R), six digits and a check digit, e.g. CSQU3054383.',
    'zh-CN': '箱号格式不正确：4 位字母（箱主代码加 U/J/Z/R）、6 位数字和 1 位校验码，例如 CSQU3054383。',
  },
  'shipment.container_check_digit': {
    en: 'The check digit of this container number is wrong (ISO 6346): a character was mistyped.',
    'zh-CN': '箱号校验码不正确（ISO 6346），请检查是否录错。',
  },
  'shipment.container_type_unknown': {
    en: 'Unknown container type. Use e.g. 20GP, 40GP, 40HQ, 45HQ, 20RF, 40RF or an ISO code such as 45G1.',
    'zh-CN': '无法识别的箱型，请使用 20GP、40GP、40HQ、45HQ、20RF、40RF 或 ISO 代码（如 45G1）。',
  },
  'shipment.hs_code_invalid': {
    en: 'An HS code has 4 to 10 digits (dots and spaces are ignored).',
    'zh-CN': 'HS 编码应为 4–10 位数字（点和空格会被忽略）。',
  },
  'shipment.source_invalid': {
    en: 'A source is 1–40 lower-case letters, digits, dots, dashes or underscores, e.g. tms or cargowise.',
    'zh-CN': '来源标识为 1–40 位小写字母、数字、点、连字符或下划线，例如 tms。',
  },
  'shipment.party_reference_required': {
    en: 'Name the party: a customerId, customerCode, creditCode or name.',
    'zh-CN': '请提供相关方的 customerId、customerCode、creditCode 或名称之一。',
  },
  'shipment.party_role_repeated': {
    en: 'Each party role appears at most once per shipment.',
    'zh-CN': '每票货的同一相关方角色只能出现一次。',
  },
  'shipment.customer_out_of_scope': {
    en: 'After this change the shipment would belong to a customer outside your data scope.',
    'zh-CN': '修改后这票货物将归属于您数据范围以外的客户。',
  },
  'shipment.customer_unknown': {
    en: 'There is no such customer.',
    'zh-CN': '客户不存在。',
  },
  'shipment.not_found': {
    en: 'No shipment with this source and external id.',
    'zh-CN': '找不到该来源和外部编号对应的货物。',
  },
  'shipment.external_id_repeated': {
    en: 'This external id appears twice in the batch.',
    'zh-CN': '该外部编号在本批次中重复出现。',
  },
  'shipment.external_id_taken': {
    en: 'A shipment with this source and external id exists already.',
    'zh-CN': '该来源和外部编号的货物已存在。',
  },
  'shipment.eta_required': {
    en: 'An eta_changed event carries the new ETA in data.eta.',
    'zh-CN': 'eta_changed 事件须在 data.eta 中给出新的预计到港时间。',
  },
  'shipment.party_already_resolved': {
    en: 'This party has already been linked or ignored.',
    'zh-CN': '该相关方已关联或已忽略。',
  },
});

export type ShipmentErrorCode = CodeOf<typeof shipmentErrors>;
