import { isShipmentException, type timelineEntrySchema } from '@berth/domain';
import { type ReactNode, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { formatDateTime } from '../../app/format';
import { useShipmentLabels } from './use-shipment-labels';

type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Exception entries' colours on the customer timeline (their action is the event type, or `delay`). */
const exceptionColors: Record<string, string> = {
  rolled: 'orange',
  eta_changed: 'gold',
  customs_hold: 'volcano',
  damaged: 'red',
  lost: 'red',
  delay: 'orange',
  missed_departure: 'orange',
  missed_arrival: 'orange',
};
/** Entries of the shipments module that are not tracking events: the delays the owner was told of. */
const alertLabels = {
  delay: 'shipmentTimeline.delay',
  missed_departure: 'shipmentTimeline.missedDeparture',
  missed_arrival: 'shipmentTimeline.missedArrival',
} as const;

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * The reference people know each shipment by (B/L, booking number, external id): from the exception entries, which
 * carry it, or from the values its history wrote.
 */
function shipmentReferences(entries: TimelineEntry[]): Map<string, string> {
  const references = new Map<string, string>();
  for (const entry of [...entries].reverse()) {
    if (entry.entity !== 'shipments' || !entry.entityId) continue;
    const after = (field: string) => text(entry.changes?.[field]?.[1]);
    const reference =
      text(entry.meta?.reference) ??
      after('master_bl') ??
      after('house_bl') ??
      after('booking_number') ??
      after('external_id');
    if (reference) references.set(entry.entityId, reference);
  }
  return references;
}

/**
 * How the customer timeline shows shipments (kind `shipment`, from the audit log) and their exceptions (kind
 * `shipment_exception`: rolled, ETA changed, customs hold, damaged, lost, delay, missed departure or arrival): a link to the shipment's page,
 * the exception in words and what it says (the new ETA, where). Money is never on these entries.
 */
export function useShipmentTimeline(entries: TimelineEntry[]) {
  const { t } = useTranslation();
  const labels = useShipmentLabels();
  const references = useMemo(() => shipmentReferences(entries), [entries]);
  const fieldNames = t('shipmentTimeline.fields', { returnObjects: true }) as unknown as Record<string, string>;

  const target = useCallback(
    (entry: TimelineEntry): ReactNode => {
      const reference = entry.entityId ? references.get(entry.entityId) : undefined;
      const name = reference ? t('shipmentTimeline.shipmentNamed', { reference }) : t('shipmentTimeline.shipment');
      if (!entry.entityId) return name;
      return (
        <Link to={`/shipments/${entry.entityId}`} data-testid="timeline-shipment-link">
          {name}
        </Link>
      );
    },
    [references, t],
  );
  /** The exception's name, or undefined for an action the shipments module does not name. */
  const actionLabel = useCallback(
    (entry: TimelineEntry): string | undefined => {
      if (entry.kind !== 'shipment_exception') return undefined;
      const alert = Object.hasOwn(alertLabels, entry.action)
        ? alertLabels[entry.action as keyof typeof alertLabels]
        : undefined;
      return alert ? t(alert) : labels.event(entry.action);
    },
    [labels, t],
  );
  const color = useCallback(
    (entry: TimelineEntry): string | undefined =>
      entry.kind === 'shipment_exception' &&
      (isShipmentException(entry.action) || Object.hasOwn(alertLabels, entry.action))
        ? exceptionColors[entry.action]
        : undefined,
    [],
  );
  const fieldLabel = useCallback(
    (field: string): string | undefined => (Object.hasOwn(fieldNames, field) ? fieldNames[field] : undefined),
    [fieldNames],
  );
  /** Under the entry: the route of a new shipment, what an exception says. */
  const summary = useCallback(
    (entry: TimelineEntry): string | null => {
      if (entry.entity !== 'shipments') return null;
      if (entry.kind === 'shipment' && entry.action === 'create') {
        const pol = text(entry.changes?.pol?.[1]);
        const pod = text(entry.changes?.pod?.[1]);
        return pol && pod ? t('shipmentTimeline.route', { pol, pod }) : null;
      }
      if (entry.kind !== 'shipment_exception') return null;
      const lines: string[] = [];
      const eta = text(entry.meta?.eta);
      const promised = text(entry.meta?.promisedEta);
      if ((entry.action === 'missed_departure' || entry.action === 'missed_arrival') && promised) {
        lines.push(t('shipmentTimeline.planned', { at: formatDateTime(promised) }));
      } else if (entry.action === 'delay' && eta && promised) {
        lines.push(t('shipmentTimeline.delayed', { promised: formatDateTime(promised), eta: formatDateTime(eta) }));
      } else if (eta) {
        lines.push(t('shipmentTimeline.newEta', { eta: formatDateTime(eta) }));
      }
      const location = text(entry.meta?.location);
      if (location) lines.push(t('shipmentTimeline.location', { location }));
      return lines.length > 0 ? lines.join('\n') : null;
    },
    [t],
  );
  return useMemo(
    () => ({ target, actionLabel, color, fieldLabel, summary }),
    [target, actionLabel, color, fieldLabel, summary],
  );
}
