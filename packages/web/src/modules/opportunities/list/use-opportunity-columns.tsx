import type { Opportunity } from '@berth/domain';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OpportunityStatusTag } from '../status-tag';
import { useOpportunityLabels } from '../use-opportunity-labels';
import { useStages } from '../use-pipeline-settings';

/** Columns of the opportunity list and of the customer page's opportunities (without the customer). */
export function useOpportunityColumns(options: { customer?: boolean } = {}): TableColumnsType<Opportunity> {
  const { t } = useTranslation();
  const labels = useOpportunityLabels();
  const { byKey } = useStages(true);
  const columns: TableColumnsType<Opportunity> = [
    { key: 'code', title: t('opportunities.fields.code'), dataIndex: 'code', width: 100 },
    {
      key: 'title',
      title: t('opportunities.fields.title'),
      render: (_, o) => (
        <Link to={`/opportunities/${encodeURIComponent(o.id)}`} data-testid="opportunity-link">
          {o.title}
        </Link>
      ),
    },
  ];
  if (options.customer !== false) {
    columns.push({
      key: 'customer',
      title: t('opportunities.fields.customer'),
      render: (_, o) => <Link to={`/customers/${encodeURIComponent(o.customerId)}`}>{o.customerName}</Link>,
    });
  }
  columns.push(
    { key: 'stage', title: t('opportunities.fields.stage'), render: (_, o) => byKey.get(o.stage)?.name ?? o.stage },
    {
      key: 'status',
      title: t('opportunities.fields.status'),
      render: (_, o) => <OpportunityStatusTag status={o.status} />,
    },
    { key: 'probability', title: t('opportunities.fields.probability'), render: (_, o) => `${o.probability}%` },
    {
      key: 'revenue',
      title: t('opportunities.fields.expectedRevenue'),
      align: 'right',
      render: (_, o) => labels.money(o.expectedRevenue),
    },
    {
      key: 'lane',
      title: t('opportunities.fields.lanes'),
      render: (_, o) => (o.lanes[0] ? `${o.lanes[0].pol} → ${o.lanes[0].pod}` : t('common.none')),
    },
    {
      key: 'close',
      title: t('opportunities.fields.expectedCloseDate'),
      render: (_, o) => o.expectedCloseDate ?? t('common.none'),
    },
    { key: 'owner', title: t('opportunities.fields.owner'), render: (_, o) => o.ownerName ?? t('common.none') },
  );
  return columns;
}
