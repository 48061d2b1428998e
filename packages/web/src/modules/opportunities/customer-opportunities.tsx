import { PlusOutlined } from '@ant-design/icons';
import { endpoints, type Opportunity } from '@berth/domain';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/permissions';
import { useKeysetList } from '../../app/use-keyset-list';
import { KeysetTable } from '../../components/keyset-table';
import { CreateOpportunityModal } from './form/create-opportunity-modal';
import { useOpportunityColumns } from './list/use-opportunity-columns';
import { opportunityKeys } from './query-keys';

/** The customer 360 page's opportunities: the ones the user may see, and a new one for this customer. */
export function CustomerOpportunities({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const list = useKeysetList({
    queryKey: opportunityKeys.opportunities,
    endpoint: endpoints.opportunities.list,
    query: { customerId: customer.id },
  });
  const columns = useOpportunityColumns({ customer: false });
  return (
    <Flex vertical gap="middle">
      {can('opportunities', 'create') && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-create-opportunity">
            {t('opportunities.create')}
          </Button>
        </div>
      )}
      <KeysetTable<Opportunity>
        list={list}
        columns={columns}
        size="small"
        locale={{ emptyText: t('opportunities.customerEmpty') }}
        data-testid="customer-opportunities"
      />
      {creating && <CreateOpportunityModal customer={customer} onClose={() => setCreating(false)} />}
    </Flex>
  );
}
