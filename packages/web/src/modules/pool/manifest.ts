import { ControlOutlined, InboxOutlined } from '@ant-design/icons';
import { lazyPage, lazyPanel, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const poolModule: WebModule<typeof zhCN> = {
  name: 'pool',
  routes: [
    { path: '/pool', page: lazyPage(() => import('./pool-page'), 'PoolPage'), access: { resource: 'pool' } },
    // Readers see the rules read-only; the menu offers the page to those who may change them.
    {
      path: '/pool/rules',
      page: lazyPage(() => import('./pool-rules-page'), 'PoolRulesPage'),
      access: { resource: 'pool' },
    },
  ],
  nav: [
    { key: 'pool', path: '/pool', group: 'crm', order: 50, icon: InboxOutlined, labelKey: 'nav.pool' },
    {
      key: 'pool-rules',
      path: '/pool/rules',
      group: 'crm',
      order: 60,
      icon: ControlOutlined,
      labelKey: 'nav.poolRules',
      access: { resource: 'pool', action: 'configure' },
    },
  ],
  homeCards: [
    {
      key: 'pool-returns',
      order: 20,
      access: { resource: 'customers' },
      width: 8,
      card: lazyPanel(() => import('./home-pool-card'), 'HomePoolCard'),
    },
  ],
  locales: { 'zh-CN': zhCN, en },
};
