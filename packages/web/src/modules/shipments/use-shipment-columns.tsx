import type { Shipment } from '@berth/domain';
import type { TableColumnsType } from 'antd';
import { Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useTransportModes } from '../../app/use-transport-modes';
import { shipmentReference } from './shipment-format';
import { ShipmentExceptionTags, ShipmentStatusTag } from './shipment-tags';

/** Planned time, and the actual one beneath it when there is one. */
function PlannedActual({ planned, actual }: { planned: string | null; actual: string | null }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      <span>{formatDateTime(planned)}</span>
      {actual && (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          {t('shipments.actual')} {formatDateTime(actual)}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Columns of the shipment list and of the customer's shipments (without the customer column there). */
export function useShipmentColumns({ customer = true }: { customer?: boolean } = {}): TableColumnsType<Shipment> {
  const { t } = useTranslation();
  const modes = useTransportModes();
  return useMemo(() => {
    const columns: TableColumnsType<Shipment> = [
      {
        key: 'reference',
        title: t('shipments.fields.reference'),
        render: (_, s) => (
          <Link to={`/shipments/${encodeURIComponent(s.id)}`} data-testid="shipment-link">
            {shipmentReference(s)}
          </Link>
        ),
      },
    ];
    if (customer) {
      columns.push({
        key: 'customer',
        title: t('shipments.fields.customer'),
        render: (_, s) =>
          s.customerId ? (
            <Link to={`/customers/${encodeURIComponent(s.customerId)}`}>{s.customerName ?? s.customerId}</Link>
          ) : (
            <Typography.Text type="secondary">{t('shipments.unmatched')}</Typography.Text>
          ),
      });
    }
    columns.push(
      { key: 'mode', title: t('shipments.fields.mode'), render: (_, s) => modes.label(s.mode) },
      {
        key: 'lane',
        title: t('shipments.fields.lane'),
        render: (_, s) => `${s.pol ?? '—'} → ${s.pod ?? '—'}`,
      },
      { key: 'status', title: t('shipments.fields.status'), render: (_, s) => <ShipmentStatusTag status={s.status} /> },
      {
        key: 'etd',
        title: t('shipments.fields.etd'),
        render: (_, s) => <PlannedActual planned={s.etd} actual={s.atd} />,
      },
      {
        key: 'eta',
        title: t('shipments.fields.eta'),
        render: (_, s) => <PlannedActual planned={s.eta} actual={s.ata} />,
      },
      { key: 'teu', title: t('shipments.fields.teu'), dataIndex: 'teu', align: 'right' },
      {
        key: 'exceptions',
        title: t('shipments.fields.exceptions'),
        render: (_, s) => <ShipmentExceptionTags shipment={s} />,
      },
    );
    return columns;
  }, [t, modes, customer]);
}
