import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of the organisation's settings, with a message for every UI language. */
export const orgSettingsErrors = defineErrorMessages(['org_settings'], {
  'org_settings.time_zone_invalid': {
    en: 'Unknown time zone: use an IANA name such as Asia/Shanghai or Europe/Berlin.',
    'zh-CN': '无法识别的时区，请使用 IANA 名称，如 Asia/Shanghai、Europe/Berlin。',
  },
  'org_settings.currency_invalid': {
    en: 'Unknown currency: use an ISO 4217 code such as CNY or USD.',
    'zh-CN': '币种无效，请使用 ISO 4217 代码，如 CNY、USD。',
  },
  'org_settings.weekdays_invalid': {
    en: 'Choose at least one working weekday, each once.',
    'zh-CN': '请至少选择一个工作日，且不可重复。',
  },
  'org_settings.date_in_both_lists': {
    en: 'A date cannot be both a holiday and a make-up working day.',
    'zh-CN': '同一天不能既是节假日又是调休上班日。',
  },
});
