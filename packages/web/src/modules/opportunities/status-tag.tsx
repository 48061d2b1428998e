import type { Opportunity } from '@berth/domain';
import { Tag } from 'antd';
import { useOpportunityLabels } from './use-opportunity-labels';

const colors: Record<string, string> = { open: 'blue', won: 'green', lost: 'red' };

export function OpportunityStatusTag({ status }: { status: Opportunity['status'] }) {
  const labels = useOpportunityLabels();
  return (
    <Tag color={colors[status]} data-testid="opportunity-status">
      {labels.status(status)}
    </Tag>
  );
}
