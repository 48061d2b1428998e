import { admin } from './admin';
import { app } from './app';
import { auth } from './auth';
import { customers } from './customers';

export const zhCN = { ...app, ...auth, ...admin, ...customers };
export type Translation = typeof zhCN;
