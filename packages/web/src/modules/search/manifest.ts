import type { WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

/** The global search box in the header, which the layout mounts. */
export const searchModule: WebModule<typeof zhCN> = {
  name: 'search',
  locales: { 'zh-CN': zhCN, en },
};
