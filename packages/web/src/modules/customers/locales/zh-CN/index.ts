import { customers } from './customers';
import { imports } from './imports';
import { notes } from './notes';
import { segments } from './segments';

export const zhCN = {
  ...customers,
  ...imports,
  ...notes,
  ...segments,
  nav: {
    customers: '客户列表',
    customerTags: '客户标签',
    customerSegments: '客户分群',
    customerImport: '导入客户',
  },
};
