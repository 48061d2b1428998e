import type { Tag as TagRecord } from '@berth/domain';
import { Button, Popconfirm, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface TagActions {
  onEdit?: (tag: TagRecord) => void;
  onDelete?: (tag: TagRecord) => void;
}

export function useTagColumns({ onEdit, onDelete }: TagActions): TableColumnsType<TagRecord> {
  const { t } = useTranslation();
  const columns: TableColumnsType<TagRecord> = [
    {
      title: t('tags.name'),
      dataIndex: 'name',
      render: (name: string, tag) => (
        <Tag color={tag.color} data-testid="tag-chip">
          {name}
        </Tag>
      ),
    },
    { title: t('tags.group'), dataIndex: 'group', render: (group: string | null) => group || t('tags.noGroup') },
    {
      title: t('tags.customerCount'),
      dataIndex: 'customerCount',
      align: 'right',
      render: (count: number, tag) =>
        count > 0 ? (
          <Link to={`/customers?tagId=${encodeURIComponent(tag.id)}`} title={t('tags.viewCustomers')}>
            {count}
          </Link>
        ) : (
          count
        ),
    },
  ];
  if (onEdit || onDelete) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, tag) => (
        <>
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(tag)} data-testid="edit-tag">
              {t('common.edit')}
            </Button>
          )}
          {onDelete && (
            <Popconfirm title={t('common.confirmDelete', { name: tag.name })} onConfirm={() => onDelete(tag)}>
              <Button type="link" size="small" danger data-testid="delete-tag">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </>
      ),
    });
  }
  return columns;
}
