import type { Translation } from '../zh-CN';
import { admin } from './admin';
import { app } from './app';
import { auth } from './auth';
import { customers } from './customers';
import { dataQuality } from './data-quality';
import { imports } from './imports';
import { notes } from './notes';
import { pool } from './pool';
import { segments } from './segments';

export const en: Translation = {
  ...app,
  ...auth,
  ...admin,
  ...customers,
  ...imports,
  ...notes,
  ...pool,
  ...segments,
  ...dataQuality,
};
