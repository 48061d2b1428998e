import { decodeDeliveryError, deliveryErrorText } from '../admin/delivery-errors';
import { transportModeLabel } from '../opportunities/pipeline-rules';
import type { Locale } from '../platform/locale';
import { formatBusinessDateTime, timeZoneLabel } from '../platform/time';
import { systemTitle } from '../tasks/next-step-title';

type Params = Record<string, string | number | null | undefined>;
/** `zone` is the reader's time zone: every moment in a message is shown in it. */
type Template = (p: Params, zone: string) => { title: string; body: string };

/** Why a customer goes to the pool: the rule that applied (`rule`, `ruleDays`) in the reader's language, or the reason a person gave. */
function poolReason(p: Params, locale: Locale): string {
  if (p.rule === 'no_follow_up')
    return locale === 'en' ? `No follow-up for ${p.ruleDays} days` : `${p.ruleDays} 天未跟进`;
  if (p.rule === 'no_deal') return locale === 'en' ? `No deal for ${p.ruleDays} days` : `${p.ruleDays} 天未成交`;
  return String(p.reason ?? '');
}

/** Why a delivery failed (stored as a code with parameters, or a sentence from before), in the reader's language. */
function lastDeliveryError(stored: Params[string], locale: Locale): string {
  const error = decodeDeliveryError(stored == null ? null : String(stored));
  return error ? deliveryErrorText(error, locale) : '—';
}

/** A moment in the reader's time zone, naming the zone ("2026年5月5日 09:30（北京时间）"). */
function eventTime(iso: Params[string], locale: Locale, zone: string): string {
  const at = new Date(String(iso ?? ''));
  if (Number.isNaN(at.getTime())) return String(iso ?? '');
  const text = formatBusinessDateTime(at, locale, zone);
  const label = timeZoneLabel(zone, locale, at);
  return locale === 'en' ? `${text} (${label})` : `${text}（${label}）`;
}

/**
 * What each kind of notification says, in each language. Modules add their kinds here; the
 * server renders emails with it and the console renders the in-app list with it.
 */
export const notificationMessages: Record<string, Record<Locale, Template>> = {
  'note.mention': {
    'zh-CN': (p) => ({ title: `${p.author} 在 ${p.customer} 的备注中提到了你`, body: String(p.excerpt ?? '') }),
    en: (p) => ({ title: `${p.author} mentioned you in a note on ${p.customer}`, body: String(p.excerpt ?? '') }),
  },
  'pool.warning': {
    'zh-CN': (p) => ({
      title: `客户 ${p.customer} 将在 ${p.days} 天后退回公海`,
      body: `${poolReason(p, 'zh-CN')}。请及时跟进以保留该客户。`,
    }),
    en: (p) => ({
      title: `${p.customer} returns to the pool in ${p.days} days`,
      body: `${poolReason(p, 'en')}. Follow up to keep this customer.`,
    }),
  },
  'pool.returned': {
    'zh-CN': (p) => ({ title: `客户 ${p.customer} 已退回公海`, body: poolReason(p, 'zh-CN') }),
    en: (p) => ({ title: `${p.customer} was returned to the pool`, body: poolReason(p, 'en') }),
  },
  'customer.handover': {
    'zh-CN': (p) => ({
      title: `${p.actor ?? '系统'} 将 ${p.from} 的 ${p.count} 个客户交接给了你`,
      body: String(p.reason ?? ''),
    }),
    en: (p) => ({
      title: `${p.actor ?? 'The system'} handed ${p.count} customers of ${p.from} over to you`,
      body: String(p.reason ?? ''),
    }),
  },
  'task.due': {
    'zh-CN': (p) => ({ title: `任务到期：${p.task}`, body: p.related ? `关联：${p.related}` : '' }),
    en: (p) => ({ title: `Task due: ${p.task}`, body: p.related ? `About: ${p.related}` : '' }),
  },
  'task.next_step': {
    'zh-CN': (p) => ({
      title: `下一步行动：${p.task}`,
      body: `商机 ${p.opportunity}（${p.customer}）${p.rule === 'no_answer' ? `进入当前阶段后 ${p.days} 天无回复` : `${p.days} 天无跟进活动`}。`,
    }),
    en: (p) => ({
      title: `Next step: ${p.task}`,
      body: `Opportunity ${p.opportunity} (${p.customer}): ${p.rule === 'no_answer' ? `no answer for ${p.days} days since it entered the stage` : `no activity for ${p.days} days`}.`,
    }),
  },
  'opportunity.inquiry': {
    'zh-CN': (p) => ({
      title: `${p.customer} 询价 ${p.pol}→${p.pod} ${transportModeLabel(String(p.mode ?? ''), 'zh-CN')}`,
      body: `${p.opened ? '已新建商机' : '已归入商机'} ${p.code} ${p.opportunity}。${p.message ? `\n${p.message}` : ''}`,
    }),
    en: (p) => ({
      title: `${p.customer} asks for a price ${p.pol}→${p.pod} ${transportModeLabel(String(p.mode ?? ''), 'en')}`,
      body: `${p.opened ? 'Opened opportunity' : 'Added to opportunity'} ${p.code} ${p.opportunity}.${p.message ? `\n${p.message}` : ''}`,
    }),
  },
  'customer.assigned': {
    'zh-CN': (p) => ({ title: `${p.actor ?? '系统'} 将客户 ${p.customer} 分配给了你`, body: String(p.reason ?? '') }),
    en: (p) => ({ title: `${p.actor ?? 'The system'} assigned ${p.customer} to you`, body: String(p.reason ?? '') }),
  },
  'sales_event.reminder': {
    'zh-CN': (p, zone) => ({
      title: `活动提醒：${p.event} 将于 ${eventTime(p.startsAt, 'zh-CN', zone)} 开始`,
      body: p.place ? `地点：${p.place}` : '',
    }),
    en: (p, zone) => ({
      title: `Reminder: ${p.event} starts ${eventTime(p.startsAt, 'en', zone)}`,
      body: p.place ? `Place: ${p.place}` : '',
    }),
  },
  'sales_event.lead_handed_over': {
    'zh-CN': (p) => ({
      title: `${p.capturedBy ?? '同事'} 在活动 ${p.event} 登记了您的客户 ${p.customer} 的线索`,
      body: `${p.contact ? `联系人：${p.contact}。` : ''}线索已转交给您，请在活动的线索列表中查看并跟进。`,
    }),
    en: (p) => ({
      title: `${p.capturedBy ?? 'A colleague'} captured a lead for your customer ${p.customer} at ${p.event}`,
      body: `${p.contact ? `Contact: ${p.contact}. ` : ''}The lead was handed to you; see it in the event's leads and follow up.`,
    }),
  },
  'shipment.delayed': {
    'zh-CN': (p, zone) => ({
      title: `${p.customer ?? '客户'} 的货物 ${p.reference} 预计晚到 ${p.hours} 小时`,
      body: `新的预计到港：${eventTime(p.eta, 'zh-CN', zone)}；原预计：${eventTime(p.promisedEta, 'zh-CN', zone)}。请及时告知客户。`,
    }),
    en: (p, zone) => ({
      title: `Shipment ${p.reference} of ${p.customer ?? 'a customer'} is ${p.hours} hours late`,
      body: `New ETA: ${eventTime(p.eta, 'en', zone)}; first ETA: ${eventTime(p.promisedEta, 'en', zone)}. Let the customer know.`,
    }),
  },
  'shipment.milestone_missed': {
    'zh-CN': (p, zone) =>
      p.milestone === 'departed'
        ? {
            title: `${p.customer ?? '客户'} 的货物 ${p.reference} 未按计划开船`,
            body: `计划开船：${eventTime(p.plannedAt, 'zh-CN', zone)}，至今没有开船记录。请向承运人核实并告知客户。`,
          }
        : {
            title: `${p.customer ?? '客户'} 的货物 ${p.reference} 未按计划到港`,
            body: `预计到港：${eventTime(p.plannedAt, 'zh-CN', zone)}，至今没有到港记录。请向承运人核实并告知客户。`,
          },
    en: (p, zone) =>
      p.milestone === 'departed'
        ? {
            title: `Shipment ${p.reference} of ${p.customer ?? 'a customer'} has not departed`,
            body: `Planned departure: ${eventTime(p.plannedAt, 'en', zone)}; no departure reported since. Check with the carrier and let the customer know.`,
          }
        : {
            title: `Shipment ${p.reference} of ${p.customer ?? 'a customer'} has not arrived`,
            body: `ETA: ${eventTime(p.plannedAt, 'en', zone)}; no arrival reported since. Check with the carrier and let the customer know.`,
          },
  },
  'webhook.disabled': {
    'zh-CN': (p) => ({
      title: `Webhook ${p.url} 已停用`,
      body: `连续 ${p.failures} 次投递失败（最近一次：${lastDeliveryError(p.error, 'zh-CN')}）。请检查接收端后在"集成"设置中重新启用。`,
    }),
    en: (p) => ({
      title: `Webhook ${p.url} was disabled`,
      body: `${p.failures} deliveries in a row failed (last: ${lastDeliveryError(p.error, 'en')}). Check the receiver, then enable it again in the integration settings.`,
    }),
  },
  'prospects.assigned': {
    'zh-CN': (p) => ({ title: `${p.actor ?? '系统'} 分配了 ${p.count} 个潜在客户给你`, body: String(p.reason ?? '') }),
    en: (p) => ({
      title: `${p.actor ?? 'The system'} assigned ${p.count} prospects to you`,
      body: String(p.reason ?? ''),
    }),
  },
};

/**
 * A notification's params with its system-made titles in the reader's language: `titleParts` maps a param that
 * holds such a title (a task's, an opportunity's, as stored) to the parts it was made of.
 */
function paramsIn(params: Record<string, unknown>, locale: Locale): Params {
  const { titleParts, ...rest } = params;
  const resolved = rest as Params;
  if (titleParts && typeof titleParts === 'object') {
    for (const [key, parts] of Object.entries(titleParts)) {
      const title = systemTitle(parts, locale);
      if (title !== null) resolved[key] = title;
    }
  }
  return resolved;
}

/** A notification's text in the reader's language, its moments in the reader's time zone. */
export function notificationText(
  kind: string,
  params: Record<string, unknown>,
  locale: Locale,
  timeZone: string,
): { title: string; body: string } {
  const templates = Object.hasOwn(notificationMessages, kind) ? notificationMessages[kind] : undefined;
  if (!templates) return { title: kind, body: '' };
  return templates[locale](paramsIn(params, locale), timeZone);
}
