import { DeleteOutlined, EditOutlined, MoreOutlined, SaveOutlined, ShareAltOutlined } from '@ant-design/icons';
import { type SavedView, savedViewSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, type MenuProps, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api-client';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { SegmentFormModal } from '../segments/segment-form-modal';
import { segmentKeys, useSavedViews, useSegmentLookup } from '../segments/use-segments';
import { fromStoredFilters, toStoredFilters } from './customer-filter-conversion';
import { SaveViewModal } from './save-view-modal';
import type { CustomerFilterValues } from './use-customer-filters';

interface CustomerViewBarProps {
  filters: CustomerFilterValues;
  onApply: (filters: CustomerFilterValues) => void;
}

type Editing = { kind: 'create' } | { kind: 'rename'; view: SavedView } | { kind: 'segment' } | null;

/**
 * Above the customer list: pick a saved view or a segment to apply its filters, save the current
 * filters as a view (private or shared) or as a segment, and manage one's own views.
 */
export function CustomerViewBar({ filters, onApply }: CustomerViewBarProps) {
  const { t } = useTranslation();
  const can = useCan();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const { views } = useSavedViews();
  const { segments } = useSegmentLookup();
  const [viewId, setViewId] = useState<string | undefined>();
  const [segmentId, setSegmentId] = useState<string | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  const current = views.find((view) => view.id === viewId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: segmentKeys.savedViews });

  const create = useMutation({
    mutationFn: (values: { name: string; shared: boolean }) =>
      api.post('/api/saved-views', savedViewSchema, {
        resource: 'customers',
        ...values,
        state: { filters: toStoredFilters(filters), sort: filters.sort ?? null, columns: null },
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
    mutationFn: ({ view, patch }: { view: SavedView; patch: Record<string, unknown> }) =>
      api.patch(`/api/saved-views/${encodeURIComponent(view.id)}`, savedViewSchema, patch, view.version),
    onSuccess: () => {
      void refresh();
      setEditing(null);
      void message.success(t('savedViews.updated'));
    },
    onError: (error) => handleError(error, { onConflict: () => void refresh() }),
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) => api.delete(`/api/saved-views/${encodeURIComponent(view.id)}`, view.version),
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
    setSegmentId(undefined);
    onApply(fromStoredFilters(view.state.filters, view.state.sort));
    void message.info(t('savedViews.applied', { name: view.name }));
  };
  const applySegment = (id?: string) => {
    setSegmentId(id);
    const segment = segments.find((s) => s.id === id);
    if (!segment) return;
    setViewId(undefined);
    onApply(fromStoredFilters(segment.filters));
    void message.info(t('segments.applied', { name: segment.name }));
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
        { key: 'overwrite', icon: <SaveOutlined />, label: t('savedViews.overwrite') },
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
      <Button icon={<SaveOutlined />} onClick={() => setEditing({ kind: 'create' })} data-testid="save-view">
        {t('savedViews.saveCurrent')}
      </Button>
      {can('segments', 'read') && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('segments.pick')}
          aria-label={t('segments.pick')}
          value={segmentId}
          onChange={applySegment}
          options={segments.map((segment) => ({ value: segment.id, label: segment.name }))}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
          data-testid="segment-select"
        />
      )}
      {can('segments', 'create') && (
        <Button onClick={() => setEditing({ kind: 'segment' })} data-testid="save-as-segment">
          {t('segments.saveAsSegment')}
        </Button>
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
        <SegmentFormModal
          filters={toStoredFilters(filters)}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setSegmentId(saved.id);
          }}
        />
      )}
    </Flex>
  );
}
