import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { endpoints, type Note, noteBodyMaxLength } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Mentions, Popconfirm, Space, Spin, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { formatDateTime, formatRelative } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { customerKeys, customerTimelineKey } from '../query-keys';

export const customerNotesKey = (customerId: string) => [...customerKeys.customers, 'notes', customerId] as const;

/** The ids of picked colleagues whose "@name" is still in the text. */
function mentionedIds(text: string, picked: Map<string, string>): string[] {
  return [...picked.entries()].filter(([name]) => text.includes(`@${name}`)).map(([, id]) => id);
}

/** A text box with @-autocomplete of the colleagues who can see this customer. */
function NoteComposer({
  customerId,
  initial,
  onSubmit,
  onCancel,
  submitLabel,
  pending,
}: {
  customerId: string;
  initial?: Note;
  /** Resolves true once saved; on failure the text stays for another try. */
  onSubmit: (body: string, mentions: string[]) => Promise<boolean>;
  onCancel?: () => void;
  submitLabel: string;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial?.body ?? '');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState(() => new Map((initial?.mentions ?? []).map((m) => [m.name, m.id])));
  const debounced = useDebouncedValue(search, 250);
  const candidates = useQuery({
    queryKey: [...customerNotesKey(customerId), 'mentionable', debounced],
    queryFn: ({ signal }) =>
      call(endpoints.notes.mentionableUsers, { params: { id: customerId }, query: { q: debounced }, signal }),
    staleTime: 60_000,
  });
  const offered = useRef(new Map<string, string>());
  const options = useMemo(
    () =>
      (candidates.data?.items ?? []).map((user) => {
        offered.current.set(user.name, user.id);
        return {
          key: user.id,
          value: user.name,
          label: <span data-testid="mention-option">{user.name}</span>,
        };
      }),
    [candidates.data],
  );
  const tooLong = text.trim().length > noteBodyMaxLength;

  const submit = async () => {
    const body = text.trim();
    if (!body || tooLong) return;
    const saved = await onSubmit(body, mentionedIds(body, picked));
    if (saved && !initial) {
      setText('');
      setPicked(new Map());
    }
  };

  return (
    <Flex vertical gap={8}>
      <Mentions
        value={text}
        onChange={setText}
        onSearch={(value) => setSearch(value)}
        onSelect={(option) => {
          // The option's value is the name inserted after "@"; its user is one of those offered so far.
          const name = String(option.value ?? '');
          const id = offered.current.get(name);
          if (id) setPicked((current) => new Map(current).set(name, id));
        }}
        options={options}
        // The server matches names by pinyin, initials and Chinese characters; filtering its answer again by
        // the typed text would hide 孙丽 when "sun" was typed.
        filterOption={false}
        loading={candidates.isFetching}
        autoSize={{ minRows: 3, maxRows: 10 }}
        placeholder={t('notes.placeholder')}
        status={tooLong ? 'error' : undefined}
        data-testid="note-input"
      />
      {tooLong && <Typography.Text type="danger">{t('notes.tooLong', { max: noteBodyMaxLength })}</Typography.Text>}
      <Flex justify="end" gap={8}>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button
          type="primary"
          onClick={() => void submit()}
          loading={pending}
          disabled={!text.trim() || tooLong}
          data-testid="note-submit"
        >
          {submitLabel}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The customer's notes, newest first, with a composer on top. */
export function CustomerNotes({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const list = useKeysetList({
    queryKey: customerNotesKey(customerId),
    endpoint: endpoints.notes.list,
    params: { id: customerId },
    pageSize: 20,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: customerNotesKey(customerId) });
    void queryClient.invalidateQueries({ queryKey: customerTimelineKey(customerId) });
  };

  const create = useMutation({
    mutationFn: (input: { body: string; mentions: string[] }) =>
      call(endpoints.notes.create, { params: { id: customerId }, body: input }),
    onSuccess: () => {
      refresh();
      void message.success(t('notes.added'));
    },
    onError: (error) => handleError(error),
  });
  const update = useMutation({
    mutationFn: ({ note, body, mentions }: { note: Note; body: string; mentions: string[] }) =>
      call(endpoints.notes.update, { params: { id: note.id }, body: { body, mentions }, version: note.version }),
    onSuccess: () => {
      setEditing(null);
      refresh();
      void message.success(t('notes.updated'));
    },
    onError: (error) => handleError(error, { onConflict: () => setEditing(null) }),
  });
  const remove = useMutation({
    mutationFn: (note: Note) => call(endpoints.notes.delete, { params: { id: note.id }, version: note.version }),
    onSuccess: () => {
      refresh();
      void message.success(t('notes.deleted'));
    },
    onError: (error) => handleError(error),
  });

  return (
    <Flex vertical gap={16} data-testid="customer-notes">
      {can('notes', 'create') && (
        <NoteComposer
          customerId={customerId}
          submitLabel={t('notes.add')}
          pending={create.isPending}
          onSubmit={(body, mentions) =>
            create.mutateAsync({ body, mentions }).then(
              () => true,
              () => false,
            )
          }
        />
      )}
      {list.loading ? (
        <Spin />
      ) : list.items.length === 0 ? (
        <Empty description={t('notes.empty')} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={list.items}
          renderItem={(note) => (
            <List.Item
              key={note.id}
              data-testid="note-item"
              actions={
                editing === note.id
                  ? []
                  : [
                      note.canUpdate && (
                        <Button
                          key="edit"
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(note.id)}
                          data-testid="note-edit"
                        >
                          {t('common.edit')}
                        </Button>
                      ),
                      note.canDelete && (
                        <Popconfirm
                          key="delete"
                          title={t('notes.confirmDelete')}
                          onConfirm={() => remove.mutateAsync(note).catch(() => undefined)}
                        >
                          <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="note-delete">
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      ),
                    ].filter(Boolean)
              }
            >
              <Space size={8} wrap>
                <Typography.Text strong>{note.authorName ?? t('timeline.someone')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <time dateTime={note.createdAt} title={formatDateTime(note.createdAt)}>
                    {formatRelative(note.createdAt, i18n.language)}
                  </time>
                  {note.version > 1 && ` · ${t('notes.edited')}`}
                </Typography.Text>
              </Space>
              {editing === note.id ? (
                <div style={{ marginTop: 8 }}>
                  <NoteComposer
                    customerId={customerId}
                    initial={note}
                    submitLabel={t('common.save')}
                    pending={update.isPending}
                    onCancel={() => setEditing(null)}
                    onSubmit={(body, mentions) =>
                      update.mutateAsync({ note, body, mentions }).then(
                        () => true,
                        () => false,
                      )
                    }
                  />
                </div>
              ) : (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }} data-testid="note-body">
                  {note.body}
                </Typography.Paragraph>
              )}
              {note.mentions.length > 0 && editing !== note.id && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('notes.mentioned')}
                  {note.mentions.map((m) => m.name).join(', ')}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      )}
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
    </Flex>
  );
}
