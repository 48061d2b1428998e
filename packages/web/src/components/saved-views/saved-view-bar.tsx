import { DeleteOutlined, EditOutlined, MoreOutlined, SaveOutlined, ShareAltOutlined } from '@ant-design/icons';
import {
  type EndpointBody,
  endpoints,
  type SavedView,
  type SavedViewOf,
  type SavedViewResource,
  type SavedViewStateOf,
} from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, type MenuProps, Select, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { savedViewKeys, useSavedViews } from '../../app/use-saved-views';
import { SaveViewModal } from './save-view-modal';

/**
 * What a list stores in a view from its current values: its filters and sort, and its columns when the list lets
 * the reader choose them (else a new view stores none and an updated one keeps its own).
 */
export type StoredViewState<R extends SavedViewResource> = Omit<SavedViewStateOf<R>, 'columns'> & {
  columns?: string[] | null;
};

export interface SavedViewBarProps<R extends SavedViewResource, V> {
  resource: R;
  /** The list's current filter values, as its address holds them. */
  value: V;
  /** The values as a view stores them, and back: the list's own mapping. */
  toState: (value: V) => StoredViewState<R>;
  fromState: (state: SavedViewStateOf<R>) => V;
  onApply: (value: V) => void;
  /** Why the current values cannot be kept as a view (saving and overwriting wait until it is resolved). */
  cannotSave?: string;
  /** The list's own buttons after "save view" (the customer list's "save as segment"). */
  children?: ReactNode;
  'data-testid'?: string;
}

type Editing<R extends SavedViewResource> = { kind: 'create' } | { kind: 'rename'; view: SavedViewOf<R> } | null;

/**
 * Above a list: pick a saved view to apply its filters, save the current filters as a view (private or
 * shared), and manage one's own views (overwrite with the current filters, rename, share, delete).
 */
export function SavedViewBar<R extends SavedViewResource, V>({
  resource,
  value,
  toState,
  fromState,
  onApply,
  cannotSave,
  children,
  'data-testid': testId,
}: SavedViewBarProps<R, V>) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const { views } = useSavedViews(resource);
  const [viewId, setViewId] = useState<string | undefined>();
  const [editing, setEditing] = useState<Editing<R>>(null);
  const current = views.find((view) => view.id === viewId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: savedViewKeys.of(resource) });

  const create = useMutation({
    mutationFn: (values: { name: string; shared: boolean }) =>
      call(endpoints.savedViews.create, {
        body: { resource, ...values, state: { columns: null, ...toState(value) } } as EndpointBody<
          typeof endpoints.savedViews.create
        >,
      }),
    onSuccess: (view) => {
      void refresh();
      setViewId(view.id);
      setEditing(null);
      void message.success(t('common.created'));
    },
    onError: (error) => handleError(error),
  });
  const update = useMutation({
    mutationFn: ({ view, patch }: { view: SavedView; patch: EndpointBody<typeof endpoints.savedViews.update> }) =>
      call(endpoints.savedViews.update, { params: { id: view.id }, body: patch, version: view.version }),
    onSuccess: () => {
      void refresh();
      setEditing(null);
      void message.success(t('savedViews.updated'));
    },
    onError: (error) => handleError(error, { onConflict: () => void refresh() }),
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) =>
      call(endpoints.savedViews.delete, { params: { id: view.id }, version: view.version }),
    onSuccess: () => {
      void refresh();
      setViewId(undefined);
      void message.success(t('common.deleted'));
    },
    onError: (error) => handleError(error),
  });

  const applyView = (id?: string) => {
    setViewId(id);
    const view = views.find((v) => v.id === id);
    if (!view) return;
    onApply(fromState(view.state as SavedViewStateOf<R>));
    void message.info(t('savedViews.applied', { name: view.name }));
  };

  const mine = views.filter((view) => view.mine);
  const shared = views.filter((view) => !view.mine);
  const viewOptions = [
    ...(mine.length
      ? [{ label: t('savedViews.mineGroup'), options: mine.map((v) => ({ value: v.id, label: v.name })) }]
      : []),
    ...(shared.length
      ? [{ label: t('savedViews.sharedGroup'), options: shared.map((v) => ({ value: v.id, label: v.name })) }]
      : []),
  ];

  const manageItems: MenuProps['items'] = current?.mine
    ? [
        { key: 'overwrite', icon: <SaveOutlined />, label: t('savedViews.overwrite'), disabled: !!cannotSave },
        { key: 'rename', icon: <EditOutlined />, label: t('savedViews.rename') },
        {
          key: 'share',
          icon: <ShareAltOutlined />,
          label: current.shared ? t('savedViews.unshare') : t('savedViews.share'),
        },
        { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('savedViews.delete') },
      ]
    : [];
  const onManage: MenuProps['onClick'] = ({ key }) => {
    if (!current) return;
    if (key === 'overwrite') {
      const state = { ...current.state, ...toState(value) } as EndpointBody<
        typeof endpoints.savedViews.update
      >['state'];
      update.mutate({ view: current, patch: { state } });
    } else if (key === 'rename') {
      setEditing({ kind: 'rename', view: current });
    } else if (key === 'share') {
      update.mutate({ view: current, patch: { shared: !current.shared } });
    } else if (key === 'delete') {
      modal.confirm({
        title: t('common.confirmDelete', { name: current.name }),
        okButtonProps: { danger: true },
        onOk: () => remove.mutateAsync(current),
      });
    }
  };

  return (
    <Flex gap="small" wrap align="center" style={{ marginBottom: 12 }} data-testid={testId}>
      <Select
        allowClear
        placeholder={t('savedViews.pick')}
        aria-label={t('savedViews.pick')}
        value={current ? viewId : undefined}
        onChange={applyView}
        options={viewOptions}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        data-testid="saved-view-select"
      />
      {manageItems.length > 0 && (
        <Dropdown menu={{ items: manageItems, onClick: onManage }} trigger={['click']}>
          <Button icon={<MoreOutlined />} aria-label={t('common.actions')} data-testid="saved-view-actions" />
        </Dropdown>
      )}
      <Tooltip title={cannotSave}>
        <Button
          icon={<SaveOutlined />}
          disabled={!!cannotSave}
          onClick={() => setEditing({ kind: 'create' })}
          data-testid="save-view"
        >
          {t('savedViews.saveCurrent')}
        </Button>
      </Tooltip>
      {children}
      {editing?.kind === 'create' && (
        <SaveViewModal
          title={t('savedViews.saveTitle')}
          saving={create.isPending}
          onSave={(values) => create.mutate(values)}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'rename' && (
        <SaveViewModal
          title={t('savedViews.renameTitle')}
          initial={{ name: editing.view.name }}
          withSharing={false}
          saving={update.isPending}
          onSave={({ name }) => update.mutate({ view: editing.view, patch: { name } })}
          onCancel={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
