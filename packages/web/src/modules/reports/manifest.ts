import { BarChartOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

/** Reports over the logistics data: the shipments report (volume, revenue, gross profit) with drill-down. */
export const reportsModule: WebModule<typeof zhCN> = {
  name: 'reports',
  routes: [
    {
      path: '/reports/shipments',
      page: lazyPage(() => import('./shipment-report-page'), 'ShipmentReportPage'),
      access: { resource: 'shipments' },
    },
  ],
  nav: [
    {
      key: 'shipment-report',
      path: '/reports/shipments',
      group: 'logistics',
      order: 30,
      icon: BarChartOutlined,
      labelKey: 'nav.shipmentReport',
    },
  ],
  locales: { 'zh-CN': zhCN, en },
};
