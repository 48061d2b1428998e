export const zhCN = {
  login: {
    title: '登录 Berth',
    subtitle: '物流客户关系管理系统',
    email: '邮箱',
    password: '密码',
    submit: '登录',
  },
  setup: {
    title: '初始化 Berth',
    intro: '首次使用，请创建您的组织和管理员账号。',
    organization: '组织',
    orgName: '组织名称',
    admin: '管理员',
    adminName: '管理员姓名',
    email: '邮箱',
    password: '密码',
    confirmPassword: '确认密码',
    passwordHint: '至少 10 位，且须同时包含字母和数字',
    submit: '完成初始化',
    done: '初始化完成，欢迎使用 Berth！',
    alreadyDone: '系统已完成初始化，请登录。',
  },
};
