import { admin } from './admin';
import { app } from './app';
import { auth } from './auth';

export const zhCN = { ...app, ...auth, ...admin };
export type Translation = typeof zhCN;
