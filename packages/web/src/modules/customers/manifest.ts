import { ClusterOutlined, ImportOutlined, ShopOutlined, TagsOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const customersModule: WebModule<typeof zhCN> = {
  name: 'customers',
  routes: [
    {
      path: '/customers',
      page: lazyPage(() => import('./list/customers-page'), 'CustomersPage'),
      access: { resource: 'customers' },
    },
    {
      path: '/customers/new',
      page: lazyPage(() => import('./form/customer-create-page'), 'CustomerCreatePage'),
      access: { resource: 'customers', action: 'create' },
    },
    {
      path: '/customers/import',
      page: lazyPage(() => import('./import/customer-import-page'), 'CustomerImportPage'),
      access: { resource: 'customers', action: 'create' },
    },
    {
      path: '/customers/tags',
      page: lazyPage(() => import('./tags/tags-page'), 'TagsPage'),
      access: { resource: 'tags' },
    },
    {
      path: '/customers/segments',
      page: lazyPage(() => import('./segments/segments-page'), 'SegmentsPage'),
      access: { resource: 'segments' },
    },
    {
      path: '/customers/:id',
      page: lazyPage(() => import('./detail/customer-page'), 'CustomerPage'),
      access: { resource: 'customers' },
    },
    {
      path: '/customers/:id/edit',
      page: lazyPage(() => import('./form/customer-edit-page'), 'CustomerEditPage'),
      access: { resource: 'customers', action: 'update' },
    },
  ],
  nav: [
    { key: 'customers', path: '/customers', group: 'crm', order: 10, icon: ShopOutlined, labelKey: 'nav.customers' },
    {
      key: 'customer-tags',
      path: '/customers/tags',
      group: 'crm',
      order: 20,
      icon: TagsOutlined,
      labelKey: 'nav.customerTags',
    },
    {
      key: 'customer-segments',
      path: '/customers/segments',
      group: 'crm',
      order: 30,
      icon: ClusterOutlined,
      labelKey: 'nav.customerSegments',
    },
    {
      key: 'customer-import',
      path: '/customers/import',
      group: 'crm',
      order: 70,
      icon: ImportOutlined,
      labelKey: 'nav.customerImport',
    },
  ],
  locales: { 'zh-CN': zhCN, en },
};
