import { type Customer, type Permissions, scopeOf, type timelineEntrySchema } from '@berth/domain';
import { type ReactNode, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useTeamLookup, useUserLookup } from '../../../app/directory-lookups';
import { formatDateTime } from '../../../app/format';
import { useMe } from '../../../app/session';
import { useFormatMoney } from '../../../app/use-format-money';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useOpportunityTimeline } from '../../opportunities';
import { useShipmentTimeline } from '../../shipments';
import { useTagLookup } from '../lookups';
import { useCustomerLabels } from '../use-customer-labels';

export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

const maxValueLength = 120;
const timestampFields = new Set([
  'left_at',
  'consent_at',
  'created_at',
  'updated_at',
  'pooled_at',
  'deleted_at',
  'occurred_at',
  'due_at',
  'completed_at',
]);
/** Fields of notes and attachments that hold user ids. */
const userFields = new Set(['author_id', 'uploaded_by', 'assignee_id', 'created_by']);
/** Contact fields the API masks for viewers without personalData.read. */
const personalFields = new Set(['phones', 'emails', 'wechat', 'birthday']);
/** Customer fields the API leaves out for viewers who may not see billing. */
const billingFields = new Set(['billing']);

/** One changed field, or one changed part of trade_profile / billing ("Billing and credit · Credit limit"). */
export interface ChangeLine {
  key: string;
  label: string;
  before: string;
  after: string;
  /** The page of the record a value names (a customer, by code and name), when the viewer may open it. */
  beforeHref?: string;
  afterHref?: string;
}

/** Fields whose values are customer ids: shown as the customer's code and name, linked. */
const customerRefFields = new Set(['customer_id', 'merged_into_id', 'related_id']);

export const customerHref = (id: string) => `/customers/${encodeURIComponent(id)}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMoney(value: unknown): value is { amount: number | string; currency: string } {
  return (
    isRecord(value) &&
    (typeof value.amount === 'number' || typeof value.amount === 'string') &&
    typeof value.currency === 'string'
  );
}

function shorten(text: string): string {
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

/** The names contacts had in the history, the latest one winning (entries come newest first). */
function contactNames(entries: TimelineEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of [...entries].reverse()) {
    if (entry.entity !== 'contacts' || !entry.entityId) continue;
    const change = entry.changes?.name;
    const name = change?.[1] ?? change?.[0];
    if (typeof name === 'string' && name) names.set(entry.entityId, name);
  }
  return names;
}

/** The file names attachments had in the history (their create entry holds it). */
function attachmentNames(entries: TimelineEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    if (entry.entity !== 'attachments' || !entry.entityId) continue;
    const name = entry.changes?.file_name?.[1];
    if (typeof name === 'string' && name) names.set(entry.entityId, name);
  }
  return names;
}

/**
 * Whether the viewer sees contacts' personal data of this customer unmasked: with personalData.read for the whole
 * organisation, or for their own customers. With team scope the team tree is not known here, so it stays hidden.
 */
function seesPersonalData(permissions: Permissions | undefined, customer: Customer, userId: string | undefined) {
  const scope = permissions ? scopeOf(permissions, 'personalData', 'read') : null;
  return scope === 'org' || (scope !== null && customer.ownerId !== null && customer.ownerId === userId);
}

/** Turns timeline entries into words: who, which action on what, and changed fields as "label: old → new". */
export function useTimelineFormat(entries: TimelineEntry[], customer: Customer) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // The history holds the values as written; show them only to those the API shows them to elsewhere.
  const hidden = useMemo(() => {
    const fields = new Set<string>();
    if (!seesPersonalData(me?.permissions as Permissions | undefined, customer, me?.user.id)) {
      for (const field of personalFields) fields.add(field);
    }
    if (customer.billing === null) for (const field of billingFields) fields.add(field);
    return fields;
  }, [me, customer]);
  const labels = useCustomerLabels();
  const names = useReferenceNames();
  const users = useUserLookup().byId;
  const teams = useTeamLookup().byId;
  const tags = useTagLookup().byId;
  const formatMoney = useFormatMoney();
  const fieldNames = t('timeline.fields', { returnObjects: true }) as unknown as Record<string, string>;
  const partNames = t('customers.fields', { returnObjects: true }) as unknown as Record<string, string>;
  const actionNames = t('timeline.actions', { returnObjects: true }) as unknown as Record<string, string>;
  const contacts = useMemo(() => contactNames(entries), [entries]);
  const files = useMemo(() => attachmentNames(entries), [entries]);
  const opportunity = useOpportunityTimeline(entries);
  const shipment = useShipmentTimeline(entries);
  const extraFieldNames = t('timelineExtra.fields', { returnObjects: true }) as unknown as Record<string, string>;
  const salesFieldNames = t('activities.timelineFields', { returnObjects: true }) as unknown as Record<string, string>;
  const kindNames = t('attachments.kinds', { returnObjects: true }) as unknown as Record<string, string>;
  const activityKindNames = t('activities.kinds', { returnObjects: true }) as unknown as Record<string, string>;
  const kindLabel = useCallback(
    (kind: string) => (Object.hasOwn(kindNames, kind) ? (kindNames[kind] as string) : kind),
    [kindNames],
  );

  const fieldLabel = useCallback(
    (field: string) =>
      Object.hasOwn(fieldNames, field)
        ? (fieldNames[field] as string)
        : Object.hasOwn(extraFieldNames, field)
          ? (extraFieldNames[field] as string)
          : Object.hasOwn(salesFieldNames, field)
            ? (salesFieldNames[field] as string)
            : (opportunity.fieldLabel(field) ?? shipment.fieldLabel(field) ?? field),
    [fieldNames, extraFieldNames, salesFieldNames, opportunity, shipment],
  );
  const actionLabel = useCallback(
    (entry: TimelineEntry) =>
      shipment.actionLabel(entry) ??
      (Object.hasOwn(actionNames, entry.action) ? (actionNames[entry.action] as string) : entry.action),
    [actionNames, shipment],
  );

  const actor = useCallback(
    (entry: TimelineEntry) => entry.actorName ?? (entry.actorId ? t('timeline.someone') : t('timeline.system')),
    [t],
  );

  const target = useCallback(
    (entry: TimelineEntry): ReactNode => {
      if (entry.entity === 'customers') return t('timeline.customer');
      if (entry.entity === 'contacts') {
        const name = entry.entityId ? contacts.get(entry.entityId) : undefined;
        return name ? t('timeline.contactNamed', { name }) : t('timeline.contact');
      }
      if (entry.entity === 'activities' || entry.entity === 'tasks') {
        const name = entry.changes?.subject?.[1] ?? entry.changes?.title?.[1];
        const kind = entry.entity === 'activities' ? 'activity' : 'task';
        if (typeof name === 'string' && name) return t(`activities.timeline.${kind}Named`, { name: shorten(name) });
        // An activity logged without a subject is named by its kind (微信跟进活动).
        const activityKind = entry.entity === 'activities' ? entry.changes?.kind?.[1] : undefined;
        return typeof activityKind === 'string' && Object.hasOwn(activityKindNames, activityKind)
          ? t('activities.timeline.activityOfKind', { kind: activityKindNames[activityKind] })
          : t(`activities.timeline.${kind}`);
      }
      if (entry.entity === 'sales_event_leads') {
        return t('salesEvents.timelineLead', { event: String(entry.meta?.event ?? '') });
      }
      if (entry.entity === 'opportunities') return opportunity.target(entry);
      if (entry.entity === 'shipments') return shipment.target(entry);
      if (entry.entity === 'notes') return t('timelineExtra.note');
      if (entry.entity === 'attachments') {
        const name = entry.entityId ? files.get(entry.entityId) : undefined;
        return name ? t('timelineExtra.attachmentNamed', { name }) : t('timelineExtra.attachment');
      }
      return entry.entity;
    },
    [contacts, files, t, opportunity, shipment, activityKindNames],
  );

  const value = useCallback(
    (entity: string, field: string, raw: unknown): string => {
      if (raw === null || raw === undefined || raw === '') return t('common.none');
      if (typeof raw === 'boolean') return raw ? t('common.yes') : t('common.no');
      if (Array.isArray(raw)) {
        if (raw.length === 0) return t('common.none');
        if (field === 'mentions')
          return shorten(raw.map((id) => users.get(String(id))?.name ?? t('timeline.someone')).join(', '));
        const items = field === 'roles' ? raw.map((role) => labels.role(String(role))) : raw.map(String);
        return shorten(items.join(', '));
      }
      if (typeof raw === 'number' && field === 'size_bytes') return `${new Intl.NumberFormat().format(raw)} B`;
      if (typeof raw === 'string' && userFields.has(field)) return users.get(raw)?.name ?? t('timeline.someone');
      if (typeof raw === 'string' && entity === 'attachments' && field === 'kind') return kindLabel(raw);
      if (
        typeof raw === 'string' &&
        entity === 'activities' &&
        field === 'kind' &&
        Object.hasOwn(activityKindNames, raw)
      )
        return activityKindNames[raw] as string;
      if (typeof raw === 'string' && entity === 'opportunities') {
        const shown = opportunity.value(field, raw);
        if (shown !== undefined) return shown;
      }
      if (typeof raw === 'string') {
        switch (field) {
          case 'status':
            return entity === 'contacts' ? labels.contactStatus(raw) : labels.status(raw);
          case 'relationship_type':
            return labels.relationshipType(raw);
          case 'country':
            return names.country(raw);
          case 'owner_id':
            return users.get(raw)?.name ?? t('common.none');
          case 'team_id':
            return teams.get(raw)?.name ?? t('common.none');
          case 'preferred_channel':
            return labels.channel(raw);
          default:
            return timestampFields.has(field) ? formatDateTime(raw) : shorten(raw);
        }
      }
      if (typeof raw === 'object') return shorten(JSON.stringify(raw));
      return String(raw);
    },
    [kindLabel, activityKindNames, labels, names, users, teams, t, opportunity],
  );

  /** A value inside trade_profile or billing, by its API name (camelCase). */
  const partValue = useCallback(
    (part: string, raw: unknown): string => {
      if (raw === null || raw === undefined || raw === '') return t('common.none');
      if (isMoney(raw)) return formatMoney(raw);
      if (Array.isArray(raw)) {
        if (raw.length === 0) return t('common.none');
        if (part === 'lanes') return String(raw.length);
        const items = part === 'preferredModes' ? raw.map((mode) => labels.mode(String(mode))) : raw.map(String);
        return shorten(items.join(', '));
      }
      if (typeof raw === 'string') {
        if (part === 'settlementType') return labels.settlement(raw);
        if (part === 'importFrequency' || part === 'exportFrequency') return labels.frequency(raw);
        return shorten(raw);
      }
      if (typeof raw === 'object') return shorten(JSON.stringify(raw));
      return String(raw);
    },
    [formatMoney, labels, t],
  );

  /** The changed fields of an update; objects such as billing are opened up into their changed parts. */
  const changeLines = useCallback(
    (entry: TimelineEntry): ChangeLine[] =>
      Object.entries(entry.changes ?? {}).flatMap(([field, [before, after]]) => {
        const namesCustomer = (raw: unknown) => entry.customers?.some((c) => c.id === raw) ?? false;
        // A task's related_id may name an opportunity: only a customer the entry names is shown as one.
        const isCustomerRef =
          customerRefFields.has(field) && (field !== 'related_id' || namesCustomer(before) || namesCustomer(after));
        if (isCustomerRef) {
          const refer = (raw: unknown) => {
            if (raw === null || raw === undefined || raw === '') return { text: t('common.none') };
            const found = entry.customers?.find((c) => c.id === raw);
            return found
              ? { text: `${found.code} ${found.name}`, href: customerHref(found.id) }
              : { text: t('timeline.otherCustomer') };
          };
          const from = refer(before);
          const to = refer(after);
          return [
            {
              key: field,
              label: fieldLabel(field),
              before: from.text,
              after: to.text,
              beforeHref: from.href,
              afterHref: to.href,
            },
          ];
        }
        if (hidden.has(field)) {
          const concealed = t('timeline.hiddenValue');
          return [{ key: field, label: fieldLabel(field), before: concealed, after: concealed }];
        }
        if (isRecord(before) && isRecord(after) && !isMoney(before) && !isMoney(after)) {
          const parts = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
            (part) => JSON.stringify(before[part] ?? null) !== JSON.stringify(after[part] ?? null),
          );
          return parts.map((part) => ({
            key: `${field}.${part}`,
            label: `${fieldLabel(field)} · ${Object.hasOwn(partNames, part) ? partNames[part] : part}`,
            before: partValue(part, before[part]),
            after: partValue(part, after[part]),
          }));
        }
        return [
          {
            key: field,
            label: fieldLabel(field),
            before: value(entry.entity, field, before),
            after: value(entry.entity, field, after),
          },
        ];
      }),
    [fieldLabel, hidden, partNames, partValue, value, t],
  );

  const tagNames = useCallback(
    (ids: unknown): string[] =>
      Array.isArray(ids) ? ids.map((id) => tags.get(String(id))?.name ?? t('timeline.unknownTag')) : [],
    [tags, t],
  );

  /** What a new note says, or which file was attached: shown under the "created" entry. */
  const summary = useCallback(
    (entry: TimelineEntry): string | null => {
      if (entry.entity === 'shipments') return shipment.summary(entry);
      if (entry.action !== 'create' || !entry.changes) return null;
      if (entry.entity === 'notes') {
        const body = entry.changes.body?.[1];
        return typeof body === 'string' ? shorten(body) : null;
      }
      if (entry.entity === 'attachments') {
        const kind = entry.changes.kind?.[1];
        return typeof kind === 'string' ? kindLabel(kind) : null;
      }
      return null;
    },
    [kindLabel, shipment],
  );

  return { actor, actionLabel, color: shipment.color, target, changeLines, tagNames, summary };
}
