import { AimOutlined, FlagOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const salesEventsModule: WebModule<typeof zhCN> = {
  name: 'sales-events',
  routes: [
    {
      path: '/sales-events',
      page: lazyPage(() => import('./sales-events-page'), 'SalesEventsPage'),
      access: { resource: 'salesEvents' },
    },
    {
      path: '/sales-events/:id',
      page: lazyPage(() => import('./sales-event-page'), 'SalesEventPage'),
      access: { resource: 'salesEvents' },
    },
    {
      path: '/prospects',
      page: lazyPage(() => import('./prospects-page'), 'ProspectsPage'),
      access: { resource: 'customers' },
    },
  ],
  nav: [
    {
      key: 'sales-events',
      path: '/sales-events',
      group: 'sales',
      order: 60,
      icon: FlagOutlined,
      labelKey: 'nav.salesEvents',
    },
    { key: 'prospects', path: '/prospects', group: 'sales', order: 70, icon: AimOutlined, labelKey: 'nav.prospects' },
  ],
  locales: { 'zh-CN': zhCN, en },
};
