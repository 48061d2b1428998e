import { endpoints, laneFilter, type Opportunity } from '@berth/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { PipelineActions } from '../pipeline-nav';
import { opportunityKeys } from '../query-keys';
import { OpportunityFilters, type OpportunityFilterValues } from './opportunity-filters';
import { useOpportunityColumns } from './use-opportunity-columns';

/** All opportunities the user may see, filtered; newest first. */
export function OpportunitiesListPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<OpportunityFilterValues>({});
  const params = useMemo(() => {
    const { pol, pod, ...rest } = filters;
    return { ...rest, lane: laneFilter(pol, pod) };
  }, [filters]);
  const list = useKeysetList({
    queryKey: opportunityKeys.opportunities,
    endpoint: endpoints.opportunities.list,
    query: params,
  });
  const columns = useOpportunityColumns();
  return (
    <>
      <PageTitle title={t('opportunities.list')} extra={<PipelineActions view="list" />} />
      <OpportunityFilters value={filters} onChange={setFilters} />
      <KeysetTable<Opportunity>
        list={list}
        columns={columns}
        locale={{ emptyText: t('opportunities.empty') }}
        data-testid="opportunity-table"
      />
    </>
  );
}
