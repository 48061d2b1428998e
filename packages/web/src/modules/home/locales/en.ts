import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  home: {
    greeting: 'Hello, {{name}}',
    noCards: 'Your role has no cards on the home page. Start from the menu on the left.',
  },
  nav: {
    home: 'Home',
  },
};
