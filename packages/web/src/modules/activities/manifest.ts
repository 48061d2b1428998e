import type { WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

/** The activity log has no page of its own: customers and opportunities mount its list and dialog. */
export const activitiesModule: WebModule<typeof zhCN> = {
  name: 'activities',
  locales: { 'zh-CN': zhCN, en },
};
