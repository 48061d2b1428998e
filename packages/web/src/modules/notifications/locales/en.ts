import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  notifications: {
    title: 'Notifications',
    empty: 'No notifications',
    markAllRead: 'Mark all as read',
    unreadOnly: 'Unread only',
    bell: 'Notifications ({{count}} unread)',
  },
};
