import { MergeCellsOutlined, StopOutlined } from '@ant-design/icons';
import { type DuplicateGroup, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { dataQualityKeys } from './query-keys';

/**
 * One group of possible duplicates: its members (links to the customers), "merge" (opens the
 * merge dialog on the first customer's page) and "not duplicates" (hides the group).
 */
export function DuplicateGroupView({ group }: { group: DuplicateGroup }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () =>
      call(endpoints.dataQuality.dismiss, {
        body: { kind: group.kind, key: group.key, customerIds: group.customers.map((c) => c.id) },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dataQualityKeys.root });
      void message.success(t('dataQuality.dismissed'));
    },
    onError: (error) => handleError(error),
  });
  const [first] = group.customers;
  // Only a group shown in full can be dismissed: a decision covers the customers the reviewer saw.
  const complete = group.customers.length === group.size;

  return (
    <Card size="small" data-testid="duplicate-group">
      <Flex justify="space-between" align="start" gap="small" wrap>
        <div>
          <Typography.Text type="secondary">
            {group.key} · {t('dataQuality.groupSize', { count: group.size })}
          </Typography.Text>
          {group.customers.map((customer) => (
            <div key={customer.id}>
              <Link to={`/customers/${encodeURIComponent(customer.id)}`}>
                {customer.code} {customer.name}
              </Link>
              {customer.nameEn && <Typography.Text type="secondary"> {customer.nameEn}</Typography.Text>}
            </div>
          ))}
        </div>
        {can('customers', 'merge') && (
          <Flex gap={4} wrap>
            {first && (
              <Button
                size="small"
                icon={<MergeCellsOutlined />}
                onClick={() => navigate(`/customers/${encodeURIComponent(first.id)}?merge=1`)}
                data-testid="duplicate-merge"
              >
                {t('dataQuality.merge')}
              </Button>
            )}
            {complete && (
              <Button
                size="small"
                icon={<StopOutlined />}
                loading={dismiss.isPending}
                data-testid="duplicate-dismiss"
                onClick={() =>
                  modal.confirm({ title: t('dataQuality.notDuplicatesConfirm'), onOk: () => dismiss.mutateAsync() })
                }
              >
                {t('dataQuality.notDuplicates')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
