import { endpoints } from '@berth/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { SavedViewBar } from '../../../components/saved-views/saved-view-bar';
import { shipmentKeys } from '../query-keys';
import { useShipmentColumns } from '../use-shipment-columns';
import { ShipmentFilters } from './shipment-filters';
import { fromShipmentViewState, toShipmentViewState } from './shipment-view-state';
import { shipmentListParams, useShipmentFilters } from './use-shipment-filters';

/** Clicks on these inside a row do their own thing instead of opening the shipment. */
const interactive = 'a, button, input, label';

/** The shipment list: newest first, filtered, a page at a time ("load more"); saved views keep its filters. */
export function ShipmentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useShipmentFilters();
  const [applied, setApplied] = useState(0);
  const query = useMemo(() => shipmentListParams(filters), [filters]);
  const list = useKeysetList({ queryKey: shipmentKeys.shipments, endpoint: endpoints.shipments.list, query });
  const columns = useShipmentColumns();
  return (
    <>
      <PageTitle title={t('shipments.title')} />
      <SavedViewBar
        resource="shipments"
        value={filters}
        toState={toShipmentViewState}
        fromState={fromShipmentViewState}
        onApply={(next) => {
          setFilters(next);
          setApplied((n) => n + 1);
        }}
        data-testid="shipment-view-bar"
      />
      {/* A view applied from outside resets the filter bar, search text included. */}
      <ShipmentFilters key={applied} value={filters} onChange={setFilters} />
      <KeysetTable
        list={list}
        columns={columns}
        locale={{ emptyText: t('shipments.empty') }}
        data-testid="shipment-table"
        onRow={(shipment) => ({
          style: { cursor: 'pointer' },
          onClick: (event) => {
            if ((event.target as HTMLElement).closest(interactive)) return;
            navigate(`/shipments/${encodeURIComponent(shipment.id)}`);
          },
        })}
      />
    </>
  );
}
