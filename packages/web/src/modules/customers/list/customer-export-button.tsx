import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { endpoints } from '@berth/domain';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpointUrl } from '../../../app/api/call';
import { downloadFile } from '../../../app/download';
import { currentLocale } from '../../../app/i18n';
import type { CustomerListQuery } from './use-customer-filters';

type ExportFormat = 'xlsx' | 'csv';

/**
 * The export address for the list's current filters (same query as the list, without paging), in the language
 * the console shows (a followed link sends the browser's Accept-Language, not the console's).
 */
export function customerExportUrl(params: CustomerListQuery, format: ExportFormat): string {
  return endpointUrl(endpoints.customers.export, { query: { ...params, format, lang: currentLocale() } });
}

/** Downloads the customers the list currently shows (all pages), as .xlsx or CSV; the browser saves the file. */
export function CustomerExportButton({ params }: { params: CustomerListQuery }) {
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
