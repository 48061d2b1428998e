import type { LabelCatalogue } from '../platform/labels';
import type { CustomerRole, customerStatuses, RelationshipType } from './customer-schemas';

/**
 * The words a reader sees for a customer's codes, in every language: exports write them, and the console's
 * translations are checked against them so a file and a screen never name the same thing differently.
 */
export const customerStatusLabels: LabelCatalogue<(typeof customerStatuses)[number]> = {
  prospect: { 'zh-CN': '潜在客户', en: 'Prospect' },
  active: { 'zh-CN': '合作中', en: 'Active' },
  inactive: { 'zh-CN': '已停止合作', en: 'Inactive' },
};

export const relationshipTypeLabels: LabelCatalogue<RelationshipType> = {
  walk_in: { 'zh-CN': '散客', en: 'Walk-in' },
  affiliated: { 'zh-CN': '挂靠', en: 'Affiliated' },
  long_term: { 'zh-CN': '长期客户', en: 'Long-term' },
  strategic: { 'zh-CN': '战略联盟', en: 'Strategic' },
};

export const customerRoleLabels: LabelCatalogue<CustomerRole> = {
  shipper: { 'zh-CN': '发货人', en: 'Shipper' },
  consignee: { 'zh-CN': '收货人', en: 'Consignee' },
  notify_party: { 'zh-CN': '通知人', en: 'Notify party' },
  overseas_agent: { 'zh-CN': '海外代理', en: 'Overseas agent' },
  nvocc: { 'zh-CN': '无船承运人', en: 'NVOCC' },
  carrier: { 'zh-CN': '承运人', en: 'Carrier' },
  mto: { 'zh-CN': '多式联运经营人', en: 'Multimodal transport operator' },
  third_party_logistics: { 'zh-CN': '第三方物流', en: 'Third-party logistics' },
  direct_customer: { 'zh-CN': '直客', en: 'Direct customer' },
};
