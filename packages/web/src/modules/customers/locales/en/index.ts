import type { zhCN } from '../zh-CN';
import { customers } from './customers';
import { imports } from './imports';
import { notes } from './notes';
import { segments } from './segments';

export const en: typeof zhCN = {
  ...customers,
  ...imports,
  ...notes,
  ...segments,
  nav: {
    customers: 'All customers',
    customerTags: 'Customer tags',
    customerSegments: 'Segments',
    customerImport: 'Import customers',
  },
};
