import type { PartyRole, ShipmentEventType, ShipmentStatus } from '@berth/domain';
import { shipmentStatuses } from '@berth/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Shipment statuses, event types and party roles in the UI language; an unknown value is shown as it is. */
export function useShipmentLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const statuses = t('shipments.status', { returnObjects: true }) as Record<ShipmentStatus, string>;
    const events = t('shipments.events', { returnObjects: true }) as Record<ShipmentEventType, string>;
    const roles = t('shipments.roles', { returnObjects: true }) as Record<PartyRole, string>;
    const pick = <K extends string>(names: Record<K, string>, value: string) =>
      Object.hasOwn(names, value) ? names[value as K] : value;
    return {
      status: (value: string) => pick(statuses, value),
      event: (value: string) => pick(events, value),
      role: (value: string) => pick(roles, value),
      statusOptions: shipmentStatuses.map((value) => ({ value, label: statuses[value] })),
    };
  }, [t]);
}
