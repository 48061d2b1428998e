import { PlusOutlined } from '@ant-design/icons';
import { endpoints, type Tag } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { PageTitle } from '../../../components/page-title';
import { useTagLookup } from '../lookups';
import { customerKeys } from '../query-keys';
import { TagFormModal } from './tag-form-modal';
import { useTagColumns } from './use-tag-columns';

type Editing = { mode: 'create' } | { mode: 'edit'; tagId: string };

/** Customer tags with colour, group and how many customers carry them. */
export function TagsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  // The modal reads the tag from the lookup so that a reload after a conflict brings the new version.
  const { tags, byId, loading } = useTagLookup();
  const editedTag = editing?.mode === 'edit' ? byId.get(editing.tagId) : undefined;

  const remove = useMutation({
    mutationFn: (tag: Tag) => call(endpoints.tags.delete, { params: { id: tag.id }, version: tag.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.tags });
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void message.success(t('common.deleted'));
    },
    onError: (error) => handleError(error),
  });

  const columns = useTagColumns({
    onEdit: can('tags', 'update') ? (tag) => setEditing({ mode: 'edit', tagId: tag.id }) : undefined,
    onDelete: can('tags', 'delete') ? (tag) => remove.mutate(tag) : undefined,
  });

  return (
    <>
      <PageTitle
        title={t('tags.title')}
        extra={
          can('tags', 'create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ mode: 'create' })}
              data-testid="create-tag"
            >
              {t('tags.create')}
            </Button>
          )
        }
      />
      <Table
        rowKey="id"
        columns={columns}
        dataSource={tags}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="tag-table"
      />
      {editing?.mode === 'create' && <TagFormModal onClose={() => setEditing(null)} />}
      {editedTag && <TagFormModal tag={editedTag} onClose={() => setEditing(null)} />}
    </>
  );
}
