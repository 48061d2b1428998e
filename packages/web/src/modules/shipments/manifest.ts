import { ContainerOutlined, DisconnectOutlined } from '@ant-design/icons';
import { lazyPage, lazyPanel, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const shipmentsModule: WebModule<typeof zhCN> = {
  name: 'shipments',
  routes: [
    {
      path: '/shipments',
      page: lazyPage(() => import('./list/shipments-page'), 'ShipmentsPage'),
      access: { resource: 'shipments' },
    },
    // The review queue's answers (link, create, ignore) need shipments.update; so does reading it.
    {
      path: '/shipments/unmatched-parties',
      page: lazyPage(() => import('./unmatched/unmatched-parties-page'), 'UnmatchedPartiesPage'),
      access: { resource: 'shipments', action: 'update' },
    },
    {
      path: '/shipments/:id',
      page: lazyPage(() => import('./detail/shipment-page'), 'ShipmentPage'),
      access: { resource: 'shipments' },
    },
  ],
  nav: [
    {
      key: 'shipments',
      path: '/shipments',
      group: 'logistics',
      order: 10,
      icon: ContainerOutlined,
      labelKey: 'nav.shipments',
    },
    {
      key: 'unmatched-parties',
      path: '/shipments/unmatched-parties',
      group: 'logistics',
      order: 20,
      icon: DisconnectOutlined,
      labelKey: 'nav.unmatchedParties',
    },
  ],
  customerTabs: [
    {
      key: 'shipments',
      order: 10,
      labelKey: 'customerTabs.shipments',
      access: { resource: 'shipments' },
      panel: lazyPanel(() => import('./customer-shipments'), 'CustomerShipments'),
    },
  ],
  homeCards: [
    {
      key: 'shipments',
      order: 70,
      access: { resource: 'shipments' },
      width: 8,
      card: lazyPanel(() => import('./home-shipments-card'), 'HomeShipmentsCard'),
    },
  ],
  customerSummaryCards: [
    {
      key: 'shipments',
      order: 10,
      access: { resource: 'shipments' },
      card: lazyPanel(() => import('./customer-shipment-summary'), 'CustomerShipmentSummary'),
    },
  ],
  locales: { 'zh-CN': zhCN, en },
};
