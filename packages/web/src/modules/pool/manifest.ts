import { ControlOutlined, InboxOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/web-module';
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
  locales: { 'zh-CN': zhCN, en },
};
