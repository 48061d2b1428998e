import type { WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

/** Notifications show in the header's bell, which the layout mounts. */
export const notificationsModule: WebModule<typeof zhCN> = {
  name: 'notifications',
  locales: { 'zh-CN': zhCN, en },
};
