import { CalendarOutlined, CarryOutOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { lazyPage, lazyPanel, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const tasksModule: WebModule<typeof zhCN> = {
  name: 'tasks',
  routes: [
    { path: '/my-day', page: lazyPage(() => import('./my-day-page'), 'MyDayPage'), access: { resource: 'tasks' } },
    {
      path: '/calendar',
      page: lazyPage(() => import('./calendar-page'), 'CalendarPage'),
      access: { resource: 'tasks' },
    },
    {
      path: '/next-step-rules',
      page: lazyPage(() => import('./next-step-rules-page'), 'NextStepRulesPage'),
      access: { resource: 'opportunities' },
    },
  ],
  nav: [
    { key: 'my-day', path: '/my-day', group: 'workbench', order: 20, icon: CarryOutOutlined, labelKey: 'nav.myDay' },
    {
      key: 'calendar',
      path: '/calendar',
      group: 'workbench',
      order: 30,
      icon: CalendarOutlined,
      labelKey: 'nav.calendar',
    },
    {
      key: 'next-step-rules',
      path: '/next-step-rules',
      group: 'sales',
      order: 50,
      icon: NodeIndexOutlined,
      labelKey: 'nav.nextStepRules',
    },
  ],
  homeCards: [
    {
      key: 'tasks',
      order: 10,
      access: { resource: 'tasks' },
      // Two thirds: a task's title, what it is about and its due time side by side (a third wrapped each at 1440 px).
      width: 16,
      card: lazyPanel(() => import('./home-tasks-card'), 'HomeTasksCard'),
    },
  ],
  locales: { 'zh-CN': zhCN, en },
};
