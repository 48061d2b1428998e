import { activityEndpoints } from './activities/endpoints';
import {
  apiKeyEndpoints,
  auditEndpoints,
  outboxEndpoints,
  roleEndpoints,
  teamEndpoints,
  userEndpoints,
} from './admin/endpoints';
import { authEndpoints, meEndpoints, setupEndpoints } from './auth/endpoints';
import { contactEndpoints, customerEndpoints, tagEndpoints } from './customers/endpoints';
import { dataQualityEndpoints } from './data-quality/endpoints';
import { databaseUpkeepEndpoints } from './database-upkeep/endpoints';
import { importEndpoints } from './imports/endpoints';
import { exchangeRateEndpoints } from './money/endpoints';
import { attachmentEndpoints, noteEndpoints, notificationEndpoints } from './notes/endpoints';
import {
  inquiryEndpoints,
  opportunityEndpoints,
  opportunityHomeCardEndpoints,
  pipelineEndpoints,
} from './opportunities/endpoints';
import { orgSettingsEndpoints } from './org-settings/endpoints';
import { poolEndpoints, poolHomeCardEndpoints } from './pool/endpoints';
import { prospectEndpoints } from './prospects/endpoints';
import { salesEventEndpoints } from './sales-events/endpoints';
import { searchEndpoints } from './search/endpoints';
import { savedViewEndpoints, segmentEndpoints } from './segments/endpoints';
import {
  shipmentEndpoints,
  shipmentHomeCardEndpoints,
  shipmentPartyEndpoints,
  shipmentReportEndpoints,
} from './shipments/endpoints';
import { calendarEndpoints, nextStepRuleEndpoints, taskEndpoints, taskHomeCardEndpoints } from './tasks/endpoints';
import { inboundHookEndpoints, webhookEndpoints } from './webhooks/endpoints';

/**
 * Every operation of the API, by resource: the server registers each one's route from it, the console calls it
 * through it (`call(endpoints.customers.get, { params: { id } })`). Each module declares its own in its
 * `endpoints.ts`; docs/decisions/0008-endpoint-contracts.md.
 */
export const endpoints = {
  setup: setupEndpoints,
  auth: authEndpoints,
  me: meEndpoints,
  users: userEndpoints,
  teams: teamEndpoints,
  roles: roleEndpoints,
  apiKeys: apiKeyEndpoints,
  audit: auditEndpoints,
  outbox: outboxEndpoints,
  orgSettings: orgSettingsEndpoints,
  databaseUpkeep: databaseUpkeepEndpoints,
  customers: customerEndpoints,
  contacts: contactEndpoints,
  tags: tagEndpoints,
  imports: importEndpoints,
  pool: poolEndpoints,
  notes: noteEndpoints,
  attachments: attachmentEndpoints,
  notifications: notificationEndpoints,
  segments: segmentEndpoints,
  savedViews: savedViewEndpoints,
  dataQuality: dataQualityEndpoints,
  salesEvents: salesEventEndpoints,
  prospects: prospectEndpoints,
  activities: activityEndpoints,
  tasks: taskEndpoints,
  nextStepRules: nextStepRuleEndpoints,
  calendar: calendarEndpoints,
  opportunities: opportunityEndpoints,
  inquiries: inquiryEndpoints,
  pipeline: pipelineEndpoints,
  exchangeRates: exchangeRateEndpoints,
  shipments: shipmentEndpoints,
  shipmentParties: shipmentPartyEndpoints,
  reports: shipmentReportEndpoints,
  search: searchEndpoints,
  webhooks: webhookEndpoints,
  inboundHooks: inboundHookEndpoints,
  /** The home page's cards, each declared by the module that owns its data (`/api/home/<card>`). */
  home: {
    ...taskHomeCardEndpoints,
    ...poolHomeCardEndpoints,
    ...opportunityHomeCardEndpoints,
    ...shipmentHomeCardEndpoints,
  },
};
