/**
 * What other modules may use of the organisation's settings; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

// The settings a rule, a job or a report needs, read without a permission check.
export {
  type OrgSettingValues,
  orgSettingsOf as orgSettings,
  orgTimeZone,
  reportingCurrency,
  timeZonesOfUsers,
  userTimeZone,
  userTimeZoneSql,
} from './org-settings';
