import { DeleteOutlined, EditOutlined, MoreOutlined, SaveOutlined, ShareAltOutlined } from '@ant-design/icons';
import { type EndpointBody, endpoints, type SavedView } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, type MenuProps, Select, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { SegmentFormModal } from '../segments/segment-form-modal';
import { segmentKeys, useSavedViews } from '../segments/use-segments';
import { fromStoredFilters, toStoredFilters } from './customer-filter-conversion';
import { SaveViewModal } from './save-view-modal';
import type { CustomerFilterValues } from './use-customer-filters';

interface CustomerViewBarProps {
  filters: CustomerFilterValues;
  onApply: (filters: CustomerFilterValues) => void;
}

type Editing = { kind: 'create' } | { kind: 'rename'; view: SavedView } | { kind: 'segment' } | null;

/**
 * Above the customer list: pick a saved view to apply its filters, save the current filters as a
 * view (private or shared) or as a segment, and manage one's own views. Neither keeps the segment
 * filter, so both wait until it is cleared.
 */
export function CustomerViewBar({ filters, onApply }: CustomerViewBarProps) {
  const { t } = useTranslation();
  const can = useCan();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const { views } = useSavedViews();
  const [viewId, setViewId] = useState<string | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  const current = views.find((view) => view.id === viewId);
  const inSegment = !!filters.segment;
  const refresh = () => queryClient.invalidateQueries({ queryKey: segmentKeys.savedViews });

  const create = useMutation({
    mutationFn: (values: { name: string; shared: boolean }) =>
      call(endpoints.savedViews.create, {
        body: {
          resource: 'customers',
          ...values,
          state: { filters: toStoredFilters(filters), sort: filters.sort ?? null, columns: null },
        },
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
    onApply(fromStoredFilters(view.state.filters, view.state.sort));
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
        { key: 'overwrite', icon: <SaveOutlined />, label: t('savedViews.overwrite'), disabled: inSegment },
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
      update.mutate({
        view: current,
        patch: { state: { ...current.state, filters: toStoredFilters(filters), sort: filters.sort ?? null } },
      });
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
    <Flex gap="small" wrap align="center" style={{ marginBottom: 12 }} data-testid="customer-view-bar">
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
      <Tooltip title={inSegment ? t('savedViews.notWithSegment') : undefined}>
        <Button
          icon={<SaveOutlined />}
          disabled={inSegment}
          onClick={() => setEditing({ kind: 'create' })}
          data-testid="save-view"
        >
          {t('savedViews.saveCurrent')}
        </Button>
      </Tooltip>
      {can('segments', 'create') && (
        <Tooltip title={inSegment ? t('segments.notFromSegment') : undefined}>
          <Button disabled={inSegment} onClick={() => setEditing({ kind: 'segment' })} data-testid="save-as-segment">
            {t('segments.saveAsSegment')}
          </Button>
        </Tooltip>
      )}
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
      {editing?.kind === 'segment' && (
        <SegmentFormModal filters={toStoredFilters(filters)} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}
