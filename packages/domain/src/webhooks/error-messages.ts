import { type CodeOf, defineErrorMessages } from '../platform/error-messages';

/** Stable codes of outgoing webhooks and inbound hooks, with a message for every UI language. */
export const webhookErrors = defineErrorMessages(['webhook'], {
  'webhook.url_invalid': {
    en: 'Give an http(s) URL without user name or password.',
    'zh-CN': '请填写 http(s) 地址，且不要包含用户名或密码。',
  },
  'webhook.url_private': {
    en: 'This address is on a private or local network; webhooks are only sent to public addresses.',
    'zh-CN': '该地址属于内网或本机，Webhook 只能发送到公网地址。',
  },
  'webhook.url_unresolvable': {
    en: 'The host name of this URL cannot be resolved.',
    'zh-CN': '无法解析该地址的主机名。',
  },
  'webhook.push_too_large': {
    en: 'A push carries at most 1,000 shipments and 5,000 events.',
    'zh-CN': '每次推送最多 1000 票货物和 5000 条事件。',
  },
  'webhook.signature_invalid': {
    en: 'The webhook signature is missing, wrong or too old (Standard Webhooks, 5 minutes).',
    'zh-CN': 'Webhook 签名缺失、错误或已过期（Standard Webhooks，5 分钟）。',
  },
});

export type WebhookErrorCode = CodeOf<typeof webhookErrors>;
