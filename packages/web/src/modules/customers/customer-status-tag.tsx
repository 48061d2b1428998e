import { Tag } from 'antd';
import { useCustomerLabels } from './use-customer-labels';

const colors: Record<string, string> = { prospect: 'blue', active: 'green', inactive: 'default' };

export function CustomerStatusTag({ status }: { status: string }) {
  const labels = useCustomerLabels();
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="customer-status">
      {labels.status(status)}
    </Tag>
  );
}
