import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiUrl, type QueryParams } from '../../../app/api-client';
import { downloadFile } from '../../../app/download';

type ExportFormat = 'xlsx' | 'csv';

/** The export address for the list's current filters (same query as the list, without paging). */
export function customerExportUrl(params: QueryParams, format: ExportFormat): string {
  return apiUrl('/api/customers/export', { ...params, format });
}

/** Downloads the customers the list currently shows (all pages), as .xlsx or CSV; the browser saves the file. */
export function CustomerExportButton({ params }: { params: QueryParams }) {
  const { t } = useTranslation();
  const items: MenuProps['items'] = [
    { key: 'xlsx', label: t('customers.exportXlsx'), 'data-testid': 'export-xlsx' },
    { key: 'csv', label: t('customers.exportCsv'), 'data-testid': 'export-csv' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => downloadFile(customerExportUrl(params, key as ExportFormat));

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button icon={<ExportOutlined />} data-testid="export-customers">
        {t('customers.export')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
