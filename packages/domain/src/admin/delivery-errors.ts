import { z } from 'zod';
import type { Locale } from '../platform/locale';

/**
 * Why a message could not be delivered, stored as a code with its parameters (never as a sentence in
 * one language) and rendered in the reader's language. `detail` carries what the remote server said,
 * verbatim: it is the server's text, not ours, and is shown as quoted evidence.
 */
export const deliveryErrorCodes = [
  'delivery.smtp_not_configured',
  'delivery.smtp_failed',
  'delivery.webhook_disabled',
  'delivery.http_status',
  'delivery.timeout',
  'delivery.private_address',
  'delivery.host_not_found',
  'delivery.connection_refused',
  'delivery.connection_reset',
  'delivery.tls_failed',
  'delivery.failed',
] as const;
export type DeliveryErrorCode = (typeof deliveryErrorCodes)[number];

export const deliveryErrorSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.string()),
});
export type DeliveryError = z.infer<typeof deliveryErrorSchema>;

const texts: Record<DeliveryErrorCode, Record<Locale, string>> = {
  'delivery.smtp_not_configured': {
    'zh-CN': '未配置邮件服务器（SMTP），邮件暂存待发',
    en: 'No mail server (SMTP) is configured; the message is held',
  },
  'delivery.smtp_failed': {
    'zh-CN': '邮件服务器拒绝或无法接收：{{detail}}',
    en: 'The mail server refused or could not be reached: {{detail}}',
  },
  'delivery.webhook_disabled': { 'zh-CN': 'Webhook 已停用', en: 'The webhook is disabled' },
  'delivery.http_status': {
    'zh-CN': '接收方返回 HTTP {{status}}（只有 2xx 视为成功）',
    en: 'The receiver answered HTTP {{status}} (only 2xx counts as delivered)',
  },
  'delivery.timeout': {
    'zh-CN': '接收方 {{seconds}} 秒内无应答',
    en: 'The receiver did not answer within {{seconds}} s',
  },
  'delivery.private_address': {
    'zh-CN': '{{host}} 解析为内网或本机地址，出于安全考虑不予投递',
    en: '{{host}} resolves to a private or local address; deliveries there are refused for safety',
  },
  'delivery.host_not_found': {
    'zh-CN': '找不到主机 {{host}}（域名无法解析）',
    en: 'The host {{host}} was not found (its name does not resolve)',
  },
  'delivery.connection_refused': {
    'zh-CN': '{{host}} 拒绝连接（端口上没有服务在监听）',
    en: '{{host}} refused the connection (nothing listens on that port)',
  },
  'delivery.connection_reset': {
    'zh-CN': '接收方在应答前断开了连接',
    en: 'The receiver closed the connection before answering',
  },
  'delivery.tls_failed': {
    'zh-CN': 'HTTPS 证书校验失败：{{detail}}',
    en: 'The HTTPS certificate could not be verified: {{detail}}',
  },
  'delivery.failed': { 'zh-CN': '投递失败：{{detail}}', en: 'Delivery failed: {{detail}}' },
};

/** English sentences stored before errors were codes, and the code each one means. */
const legacySentences: Record<string, DeliveryErrorCode> = {
  'no SMTP server configured': 'delivery.smtp_not_configured',
  'webhook disabled': 'delivery.webhook_disabled',
};

/** What to store in a `last_error` column: the code and its parameters, as JSON. */
export function encodeDeliveryError(code: DeliveryErrorCode, params: Record<string, string> = {}): string {
  return JSON.stringify({ code, params });
}

/** English sentences with a value in them, stored by webhook deliveries before errors were codes. */
const legacyPatterns: [RegExp, (match: RegExpExecArray) => DeliveryError][] = [
  [/^HTTP (\d{3})$/, (m) => ({ code: 'delivery.http_status', params: { status: m[1] as string } })],
  [/^no answer within (\d+) s$/, (m) => ({ code: 'delivery.timeout', params: { seconds: m[1] as string } })],
  [
    /^(.+) resolves to a private or local address$/,
    (m) => ({ code: 'delivery.private_address', params: { host: m[1] as string } }),
  ],
];

/**
 * Reads a stored `last_error`: a coded error as written by `encodeDeliveryError`, or a sentence stored
 * before (a known English one maps to its code; any other becomes `delivery.failed` with the text as detail).
 */
export function decodeDeliveryError(stored: string | null | undefined): DeliveryError | null {
  if (stored == null || stored === '') return null;
  if (stored.startsWith('{')) {
    try {
      const parsed = deliveryErrorSchema.safeParse(JSON.parse(stored));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: a sentence that happens to start with a brace
    }
  }
  const known = legacySentences[stored];
  for (const [pattern, decode] of legacyPatterns) {
    const match = pattern.exec(stored);
    if (match) return decode(match);
  }
  return known ? { code: known, params: {} } : { code: 'delivery.failed', params: { detail: stored } };
}

/** The error in a UI language; an unknown code reads as the generic failure with its detail. */
export function deliveryErrorText(error: DeliveryError, locale: Locale): string {
  const template = Object.hasOwn(texts, error.code)
    ? texts[error.code as DeliveryErrorCode][locale]
    : texts['delivery.failed'][locale];
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => error.params[name] ?? '—');
}
