import type { EndpointQuery, endpoints } from '@berth/domain';
import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useUserLookup } from '../../../app/directory-lookups';
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
  /** Entities seen in the loaded rows, offered as suggestions. */
  entities: string[];
  onChange: (values: AuditFilterValues) => void;
}

export function AuditFilters({ entities, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  const { users } = useUserLookup();
  const { actionLabel, entityLabel, knownActions, knownEntities } = useAuditLabels();
  const entityOptions = [...new Set([...knownEntities, ...entities])];

  return (
    <Form form={form} name="audit-filters" layout="inline" onFinish={onChange} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="entity" label={t('audit.filterEntity')}>
        <AutoComplete
          allowClear
          options={entityOptions.map((entity) => ({ value: entity, label: `${entityLabel(entity)} (${entity})` }))}
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.filterEntityId')}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.filterAction')}>
        <AutoComplete
          allowClear
          options={knownActions.map((action) => ({
            value: action,
            label: `${actionLabel(action)} (${action})`,
          }))}
          style={{ width: 160 }}
        />
      </Form.Item>
      {users.length > 0 && (
        <Form.Item name="actorId" label={t('audit.filterActor')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={users.map((user) => ({ value: user.id, label: user.name }))}
            style={{ width: 160 }}
          />
        </Form.Item>
      )}
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
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
