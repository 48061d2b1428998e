import { type ImportEntity, isRepeatableImportField } from '@berth/domain';
import { Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, ImportPreview } from './use-customer-import';
import { useImportFieldLabels } from './use-import-field-labels';

const skip = '';
const sampleCount = 3;

interface SourceColumn {
  index: number;
  header: string;
  samples: string[];
}

interface ColumnMappingTableProps {
  preview: ImportPreview;
  entity: ImportEntity;
  /** Set by the surrounding Form.Item. */
  value?: ImportMapping;
  onChange?: (value: ImportMapping) => void;
}

/** One row per column of the file: its header, a few values, and the field it is imported as (or skipped). */
export function ColumnMappingTable({ preview, entity, value = {}, onChange }: ColumnMappingTableProps) {
  const { t } = useTranslation();
  const labels = useImportFieldLabels(entity);

  const columns = useMemo<SourceColumn[]>(
    () =>
      preview.headers.map((header, index) => ({
        index,
        header,
        samples: preview.rows
          .map((row) => row[index] ?? '')
          .filter(Boolean)
          .slice(0, sampleCount),
      })),
    [preview],
  );

  const change = (header: string, field: string) => {
    const next = { ...value };
    if (field === skip) delete next[header];
    else next[header] = field;
    onChange?.(next);
  };

  const tableColumns: TableColumnsType<SourceColumn> = [
    {
      key: 'header',
      title: t('imports.sourceColumn'),
      width: 220,
      render: (_, column) =>
        column.header ? (
          <Typography.Text strong>{column.header}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('imports.emptyHeader', { index: column.index + 1 })}</Typography.Text>
        ),
    },
    {
      key: 'samples',
      title: t('imports.sample'),
      render: (_, column) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
          {column.samples.join(' / ') || t('common.none')}
        </Typography.Text>
      ),
    },
    {
      key: 'field',
      title: t('imports.targetField'),
      width: 240,
      render: (_, column) => {
        const current = value[column.header] ?? skip;
        const takenElsewhere = new Set(
          Object.entries(value)
            .filter(([header]) => header !== column.header)
            .map(([, field]) => field),
        );
        return (
          <Select
            value={current}
            onChange={(field: string) => change(column.header, field)}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            aria-label={column.header || t('imports.emptyHeader', { index: column.index + 1 })}
            options={[
              { value: skip, label: t('imports.skipColumn') },
              ...preview.fields.map((field) => ({
                value: field,
                label: labels.field(field),
                // A repeatable field (containers) may take several columns.
                disabled: takenElsewhere.has(field) && !isRepeatableImportField(entity, field),
              })),
            ]}
            data-testid={`import-mapping-${column.index}`}
          />
        );
      },
    },
  ];

  return (
    <Table
      rowKey="index"
      size="small"
      columns={tableColumns}
      dataSource={columns}
      pagination={false}
      data-testid="import-mapping"
    />
  );
}
