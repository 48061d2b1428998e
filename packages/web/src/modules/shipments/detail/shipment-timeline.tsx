import {
  compareEvents,
  isShipmentException,
  type Shipment,
  type ShipmentEvent,
  type TrackingEvent,
} from '@berth/domain';
import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useShipmentLabels } from '../use-shipment-labels';

/** Events in the order they happened, by the domain's one ordering rule (event time, milestone order, source, id). */
export function inEventTimeOrder(events: readonly ShipmentEvent[]): ShipmentEvent[] {
  return [...events].sort((a, b) => compareEvents(a as TrackingEvent, b as TrackingEvent));
}

/** What the shipment planned for a milestone, to show beside the actual event. */
function plannedFor(type: string, shipment: Shipment): string | null {
  if (type === 'departed') return shipment.etd;
  if (type === 'arrived') return shipment.promisedEta ?? shipment.eta;
  return null;
}

/** The milestone timeline: one entry per event in event-time order, exceptions in red, planned beside actual. */
export function ShipmentTimeline({ shipment, events }: { shipment: Shipment; events: readonly ShipmentEvent[] }) {
  const { t } = useTranslation();
  const labels = useShipmentLabels();
  if (events.length === 0) return <Empty description={t('shipments.noEvents')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const items = inEventTimeOrder(events).map((event) => {
    const exception = isShipmentException(event.type);
    const planned = plannedFor(event.type, shipment);
    const newEta = event.type === 'eta_changed' && typeof event.data?.eta === 'string' ? event.data.eta : null;
    return {
      key: `${event.source}/${event.eventId}`,
      color: exception ? 'red' : 'blue',
      children: (
        <div data-testid="timeline-event" data-type={event.type} data-exception={exception || undefined}>
          <Space wrap size={4}>
            {exception ? (
              <Tag color="red" data-testid="timeline-event-type">
                {labels.event(event.type)}
              </Tag>
            ) : (
              <Typography.Text strong data-testid="timeline-event-type">
                {labels.event(event.type)}
              </Typography.Text>
            )}
            <Typography.Text>{formatDateTime(event.occurredAt)}</Typography.Text>
            {event.location && <Typography.Text type="secondary">{event.location}</Typography.Text>}
          </Space>
          {planned && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('shipments.planned')} {formatDateTime(planned)}
              </Typography.Text>
            </div>
          )}
          {newEta && (
            <div>
              <Typography.Text type="danger" data-testid="timeline-new-eta">
                {t('shipments.newEta')} {formatDateTime(newEta)}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    };
  });
  return <Timeline items={items} data-testid="shipment-timeline" />;
}
