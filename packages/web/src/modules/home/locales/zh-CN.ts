export const zhCN = {
  home: {
    greeting: '你好，{{name}}',
    intro: '欢迎使用 Berth 物流客户关系管理系统。',
    role: '角色',
    organization: '组织',
    email: '邮箱',
    shortcuts: '快捷入口',
    noShortcuts: '当前角色暂无可用的管理功能。',
  },
  nav: {
    home: '首页',
  },
};
