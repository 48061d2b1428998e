import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/permissions';
import { SavedViewBar } from '../../../components/saved-views/saved-view-bar';
import { SegmentFormModal } from '../segments/segment-form-modal';
import { fromStoredFilters, toStoredFilters } from './customer-filter-conversion';
import type { CustomerFilterValues } from './use-customer-filters';

interface CustomerViewBarProps {
  filters: CustomerFilterValues;
  onApply: (filters: CustomerFilterValues) => void;
}

const toState = (filters: CustomerFilterValues) => ({
  filters: toStoredFilters(filters),
  sort: filters.sort ?? null,
  columns: filters.columns ? filters.columns.split(',') : null,
});

/**
 * Above the customer list: the saved views of the list (components/saved-views), and saving the
 * current filters as a segment. Neither a view nor a segment keeps the segment filter, so both wait
 * until it is cleared.
 */
export function CustomerViewBar({ filters, onApply }: CustomerViewBarProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [segmentOpen, setSegmentOpen] = useState(false);
  const inSegment = !!filters.segment;
  return (
    <SavedViewBar
      resource="customers"
      value={filters}
      toState={toState}
      fromState={(state) => fromStoredFilters(state.filters, state.sort, state.columns)}
      onApply={onApply}
      cannotSave={inSegment ? t('savedViews.notWithSegment') : undefined}
      data-testid="customer-view-bar"
    >
      {can('segments', 'create') && (
        <Tooltip title={inSegment ? t('segments.notFromSegment') : undefined}>
          <Button disabled={inSegment} onClick={() => setSegmentOpen(true)} data-testid="save-as-segment">
            {t('segments.saveAsSegment')}
          </Button>
        </Tooltip>
      )}
      {segmentOpen && <SegmentFormModal filters={toStoredFilters(filters)} onClose={() => setSegmentOpen(false)} />}
    </SavedViewBar>
  );
}
