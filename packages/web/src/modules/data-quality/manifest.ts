import { SafetyOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const dataQualityModule: WebModule<typeof zhCN> = {
  name: 'data-quality',
  routes: [
    {
      path: '/data-quality',
      page: lazyPage(() => import('./data-quality-page'), 'DataQualityPage'),
      access: { resource: 'dataQuality' },
    },
  ],
  nav: [
    {
      key: 'data-quality',
      path: '/data-quality',
      group: 'crm',
      order: 40,
      icon: SafetyOutlined,
      labelKey: 'nav.dataQuality',
    },
  ],
  locales: { 'zh-CN': zhCN, en },
};
