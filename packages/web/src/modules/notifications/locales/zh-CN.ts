export const zhCN = {
  notifications: {
    title: '通知',
    empty: '暂无通知',
    markAllRead: '全部标为已读',
    unreadOnly: '只看未读',
    bell: '通知（{{count}} 条未读）',
  },
};
