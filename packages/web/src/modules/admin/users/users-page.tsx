import { PlusOutlined } from '@ant-design/icons';
import { endpoints } from '@berth/domain';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/permissions';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { HandoverModal } from '../../pool';
import { adminKeys } from '../query-keys';
import { useHandoverOffer } from './use-handover-offer';
import { useUserColumns } from './use-user-columns';
import { UserCreateModal } from './user-create-modal';
import { UserEditModal } from './user-edit-modal';
import { UserFilters, type UserFilterValues } from './user-filters';

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useState<UserFilterValues>({});
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [handoverFromId, setHandoverFromId] = useState<string | null>(null);
  const offerHandover = useHandoverOffer(setHandoverFromId);
  const list = useKeysetList({
    queryKey: adminKeys.users,
    endpoint: endpoints.users.list,
    query: { ...filters },
  });
  const columns = useUserColumns({
    onEdit: can('users', 'update') ? (user) => setEditingId(user.id) : undefined,
    onHandover: can('customers', 'assign') ? (user) => setHandoverFromId(user.id) : undefined,
  });

  return (
    <>
      <PageTitle
        title={t('users.title')}
        extra={
          can('users', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
              {t('users.create')}
            </Button>
          )
        }
      />
      <UserFilters value={filters} onChange={setFilters} />
      <KeysetTable list={list} columns={columns} />
      {creating && <UserCreateModal onClose={() => setCreating(false)} />}
      {editingId && (
        <UserEditModal userId={editingId} onClose={() => setEditingId(null)} onDeactivated={offerHandover} />
      )}
      {handoverFromId && <HandoverModal fromUserId={handoverFromId} onClose={() => setHandoverFromId(null)} />}
    </>
  );
}
