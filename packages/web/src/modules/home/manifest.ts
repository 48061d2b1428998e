import { HomeOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const homeModule: WebModule<typeof zhCN> = {
  name: 'home',
  routes: [{ path: '/', page: lazyPage(() => import('./home-page'), 'HomePage') }],
  nav: [{ key: 'home', path: '/', group: 'workbench', order: 10, icon: HomeOutlined, labelKey: 'nav.home' }],
  locales: { 'zh-CN': zhCN, en },
};
