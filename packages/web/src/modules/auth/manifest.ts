import type { WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

/** Sign-in and first setup; their pages sit outside the signed-in layout, mounted by the shell's routes. */
export const authModule: WebModule<typeof zhCN> = {
  name: 'auth',
  locales: { 'zh-CN': zhCN, en },
};
