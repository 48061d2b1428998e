import type { ImportEntity } from '@berth/domain';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, ImportPreview } from './use-customer-import';
import { useImportFieldLabels } from './use-import-field-labels';

interface PreviewRow {
  key: number;
  cells: string[];
}

/** The first rows of the file as the server read them, each column headed by the field it goes to. */
export function ImportPreviewTable({
  preview,
  mapping,
  entity,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  entity: ImportEntity;
}) {
  const { t } = useTranslation();
  const labels = useImportFieldLabels(entity);
  const rows = useMemo(() => preview.rows.map((cells, key) => ({ key, cells })), [preview.rows]);

  const columns: TableColumnsType<PreviewRow> = preview.headers.map((header, index) => {
    const field = mapping[header];
    return {
      key: index,
      title: (
        <span>
          {header || t('imports.emptyHeader', { index: index + 1 })}
          <br />
          {field ? (
            <Tag color="blue" style={{ marginTop: 4 }}>
              {labels.field(field)}
            </Tag>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('imports.skipColumn')}
            </Typography.Text>
          )}
        </span>
      ),
      render: (_, row) => (
        <Typography.Text ellipsis style={{ maxWidth: 240 }} type={field ? undefined : 'secondary'}>
          {row.cells[index] ?? ''}
        </Typography.Text>
      ),
    };
  });

  return (
    <Table
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('imports.noRows') }}
      data-testid="import-preview"
    />
  );
}
