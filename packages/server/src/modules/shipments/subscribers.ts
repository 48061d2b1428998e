import type { EventSubscriber } from '../../platform/events';
import { notifyOwnerOfDelay } from './delay-notice';

export const shipmentSubscribers: readonly EventSubscriber[] = [
  {
    event: 'shipment.delayed',
    name: 'shipments.notify-owner-of-delay',
    mode: 'sync',
    handle: (ctx, event) => notifyOwnerOfDelay(ctx, event),
  },
];
