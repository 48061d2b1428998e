import { endpoints, type Shipment } from '@berth/domain';
import { useTranslation } from 'react-i18next';
import { useKeysetList } from '../../app/use-keyset-list';
import type { CustomerTabProps } from '../../app/web-module';
import { KeysetTable } from '../../components/keyset-table';
import { shipmentKeys } from './query-keys';
import { useShipmentColumns } from './use-shipment-columns';

/** The customer 360 page's shipments tab: the customer's shipments, newest first, exceptions flagged. */
export function CustomerShipments({ customer }: CustomerTabProps) {
  const { t } = useTranslation();
  const list = useKeysetList({
    queryKey: [...shipmentKeys.shipments, 'of-customer', customer.id],
    endpoint: endpoints.shipments.ofCustomer,
    params: { id: customer.id },
    pageSize: 20,
  });
  const columns = useShipmentColumns({ customer: false });
  return (
    <KeysetTable<Shipment>
      list={list}
      columns={columns}
      size="small"
      locale={{ emptyText: t('shipments.customerEmpty') }}
      data-testid="customer-shipments"
    />
  );
}
