import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  home: {
    greeting: 'Hello, {{name}}',
    intro: 'Welcome to Berth, the CRM for logistics companies.',
    role: 'Role',
    organization: 'Organisation',
    email: 'Email',
    shortcuts: 'Shortcuts',
    noShortcuts: 'Your role has no administration pages.',
  },
  nav: {
    home: 'Home',
  },
};
