import { type DataIssueItem, type DataIssueKind, endpoints } from '@berth/domain';
import { Drawer, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUserLookup } from '../../app/directory-lookups';
import { formatDateTime } from '../../app/format';
import { useKeysetList } from '../../app/use-keyset-list';
import { KeysetTable } from '../../components/keyset-table';
import { dataQualityKeys } from './query-keys';

interface IssueListDrawerProps {
  kind: DataIssueKind;
  staleMonths: number;
  onClose: () => void;
}

/** Every customer with one problem, page by page, each linking to the customer. */
export function IssueListDrawer({ kind, staleMonths, onClose }: IssueListDrawerProps) {
  const { t } = useTranslation();
  const users = useUserLookup().byId;
  const list = useKeysetList({
    queryKey: [...dataQualityKeys.root, 'issues', kind],
    endpoint: endpoints.dataQuality.issues,
    query: { kind, staleMonths },
  });
  const columns: TableColumnsType<DataIssueItem> = [
    {
      title: t('customers.fields.code'),
      dataIndex: 'code',
      render: (code: string, item) => (
        <Link to={`/customers/${encodeURIComponent(item.id)}`} data-testid="issue-customer-link">
          {code}
        </Link>
      ),
    },
    { title: t('customers.fields.name'), dataIndex: 'name' },
    ...(kind === 'stale' || kind === 'noOwner'
      ? []
      : [{ title: t('dataQuality.value'), dataIndex: 'value', render: (v: string | null) => v ?? t('common.none') }]),
    {
      title: t('customers.fields.owner'),
      dataIndex: 'ownerId',
      render: (id: string | null) => (id ? (users.get(id)?.name ?? t('common.none')) : t('common.none')),
    },
    { title: t('dataQuality.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('dataQuality.lastFollowUpAt'),
      dataIndex: 'lastFollowUpAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('common.none')),
    },
  ];
  return (
    <Drawer open width={880} title={t(`dataQuality.kinds.${kind}`)} onClose={onClose} destroyOnHidden>
      <KeysetTable list={list} columns={columns} size="small" data-testid="issue-table" />
    </Drawer>
  );
}
