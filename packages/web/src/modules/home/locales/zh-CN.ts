export const zhCN = {
  home: {
    greeting: '你好，{{name}}',
    noCards: '你的角色在首页没有可看的卡片。从左侧菜单开始工作吧。',
  },
  nav: {
    home: '首页',
  },
};
