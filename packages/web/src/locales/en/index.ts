import type { Translation } from '../zh-CN';
import { admin } from './admin';
import { app } from './app';
import { auth } from './auth';
import { customers } from './customers';
import { imports } from './imports';

export const en: Translation = { ...app, ...auth, ...admin, ...customers, ...imports };
