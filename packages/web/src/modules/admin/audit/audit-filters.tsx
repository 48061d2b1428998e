import type { EndpointQuery, endpoints } from '@berth/domain';
import { Button, DatePicker, Form, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../../components/user-picker';
import { useAuditLabels } from './use-audit-labels';

export interface AuditFilterValues {
  entity?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Query parameters of the audit list; the date range is sent as whole local days, ISO with offset. */
export function auditParams(values: AuditFilterValues): NonNullable<EndpointQuery<typeof endpoints.audit.list>> {
  const [from, to] = values.range ?? [null, null];
  return {
    entity: values.entity?.trim(),
    entityId: values.entityId?.trim(),
    action: values.action?.trim(),
    actorId: values.actorId,
    from: from?.startOf('day').format(),
    to: to?.endOf('day').format(),
  };
}

interface AuditFiltersProps {
  /** Entities seen in the loaded rows, offered with the known ones. */
  entities: string[];
  /** The values in force (a record chosen from a row, "only this record"). */
  value: AuditFilterValues;
  /** What to call the one record the list is narrowed to, when it is. */
  recordLabel?: string;
  onChange: (values: AuditFilterValues) => void;
}

/** Filters by choice, never by typing internal keys: entity type, action, actor, dates; a record from a row. */
export function AuditFilters({ entities, value, recordLabel, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  useEffect(() => form.setFieldsValue({ entity: value.entity }), [form, value.entity]);
  const { actionLabel, entityLabel, knownActions, knownEntities } = useAuditLabels();
  const entityOptions = [...new Set([...knownEntities, ...entities])]
    .map((entity) => ({ value: entity, label: entityLabel(entity) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const actionOptions = knownActions
    .map((action) => ({ value: action, label: actionLabel(action) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Form
      form={form}
      name="audit-filters"
      layout="inline"
      onFinish={(values) => onChange({ ...values, entityId: undefined })}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="entity" label={t('audit.filterEntity')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={entityOptions} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.filterAction')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={actionOptions} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="actorId" label={t('audit.filterActor')}>
        <UserPicker allowClear style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      {value.entityId && (
        <Form.Item>
          <Tag closable onClose={() => onChange({ ...value, entityId: undefined })}>
            {t('audit.onlyRecord', { record: recordLabel ?? value.entityId.slice(0, 8) })}
          </Tag>
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
