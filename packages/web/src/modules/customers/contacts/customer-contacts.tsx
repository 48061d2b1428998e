import { PlusOutlined } from '@ant-design/icons';
import { type Contact, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { RecordAttachments } from '../detail/customer-attachments';
import { customerKeys } from '../query-keys';
import { ContactFormModal } from './contact-form-modal';
import { useContactColumns } from './use-contact-columns';

type Editing = { mode: 'create' } | { mode: 'edit'; contactId: string };

/** The customer's contacts; people who left stay listed, greyed out. */
export function CustomerContacts({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useKeysetList({
    queryKey: [...customerKeys.contacts, 'of-customer', customerId],
    endpoint: endpoints.customers.contacts,
    params: { id: customerId },
  });
  // The modal reads the contact from the list so that a reload after a conflict brings the new version.
  const editedContact = editing?.mode === 'edit' ? list.items.find((c) => c.id === editing.contactId) : undefined;

  const setStatus = useMutation({
    mutationFn: ({ contact, status }: { contact: Contact; status: Contact['status'] }) =>
      call(endpoints.contacts.update, { params: { id: contact.id }, body: { status }, version: contact.version }),
    onSuccess: (contact) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.contacts });
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void message.success(contact.status === 'left' ? t('contacts.markedLeft') : t('contacts.markedActive'));
    },
    onError: (error) => handleError(error),
  });

  const canUpdate = can('contacts', 'update');
  const columns = useContactColumns({
    onEdit: canUpdate ? (contact) => setEditing({ mode: 'edit', contactId: contact.id }) : undefined,
    onStatus: canUpdate ? (contact, status) => setStatus.mutate({ contact, status }) : undefined,
  });

  return (
    <>
      {can('contacts', 'create') && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ mode: 'create' })}
            data-testid="add-contact"
          >
            {t('contacts.add')}
          </Button>
        </Flex>
      )}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('contacts.noContacts') }}
        expandable={
          can('attachments', 'read')
            ? {
                // A contact's files (印鉴样本, 委托书…) open under its row.
                expandedRowRender: (contact) => (
                  <RecordAttachments owner="contact" id={contact.id} customerId={customerId} compact />
                ),
                columnTitle: t('contacts.files'),
              }
            : undefined
        }
        onRow={(contact) => ({
          style: contact.status === 'left' ? { opacity: 0.5 } : undefined,
          'data-testid': 'contact-row',
        })}
        data-testid="contact-table"
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
      {editing?.mode === 'create' && <ContactFormModal customerId={customerId} onClose={() => setEditing(null)} />}
      {editedContact && (
        <ContactFormModal customerId={customerId} contact={editedContact} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
