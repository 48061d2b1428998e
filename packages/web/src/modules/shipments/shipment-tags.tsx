import type { Shipment } from '@berth/domain';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { exceptionFlags } from './shipment-format';
import { useShipmentLabels } from './use-shipment-labels';

const statusColors: Record<string, string> = {
  booked: 'default',
  gate_in: 'cyan',
  loaded: 'cyan',
  departed: 'blue',
  transhipped: 'blue',
  arrived: 'geekblue',
  discharged: 'geekblue',
  customs_released: 'purple',
  delivered: 'green',
};

export function ShipmentStatusTag({ status }: { status: string }) {
  const labels = useShipmentLabels();
  return (
    <Tag color={statusColors[status]} data-testid="shipment-status">
      {labels.status(status)}
    </Tag>
  );
}

/** The shipment's current exceptions (rolled, customs hold, damage, loss) as red tags; nothing when there is none. */
export function ShipmentExceptionTags({
  shipment,
}: {
  shipment: Pick<Shipment, 'rolled' | 'customsHold' | 'damaged' | 'lost'>;
}) {
  const { t } = useTranslation();
  const flags = exceptionFlags(shipment);
  if (flags.length === 0) return null;
  return (
    <Space size={4} wrap data-testid="shipment-exceptions">
      {flags.map((flag) => (
        <Tag key={flag} color="red" data-testid={`shipment-exception-${flag}`}>
          {t(`shipments.flags.${flag}`)}
        </Tag>
      ))}
    </Space>
  );
}
