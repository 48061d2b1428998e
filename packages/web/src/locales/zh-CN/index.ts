import { admin } from './admin';
import { app } from './app';
import { auth } from './auth';
import { customers } from './customers';
import { imports } from './imports';

export const zhCN = { ...app, ...auth, ...admin, ...customers, ...imports };
export type Translation = typeof zhCN;
