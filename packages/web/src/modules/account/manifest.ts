import { lazyPage, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

/** The signed-in user's own profile, password and sessions; opened from the user menu. */
export const accountModule: WebModule<typeof zhCN> = {
  name: 'account',
  routes: [{ path: '/account', page: lazyPage(() => import('./account-page'), 'AccountPage') }],
  locales: { 'zh-CN': zhCN, en },
};
