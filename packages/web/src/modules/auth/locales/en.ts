import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  login: {
    title: 'Sign in to Berth',
    subtitle: 'The CRM for logistics companies',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
  },
  setup: {
    title: 'Set up Berth',
    intro: 'Welcome! Create your organisation and the administrator account.',
    organization: 'Organisation',
    orgName: 'Organisation name',
    admin: 'Administrator',
    adminName: 'Administrator name',
    email: 'Email',
    password: 'Password',
    confirmPassword: 'Confirm password',
    passwordHint: 'At least 10 characters, with letters and digits',
    submit: 'Finish setup',
    done: 'Setup complete. Welcome to Berth!',
    alreadyDone: 'Setup has already been completed. Please sign in.',
  },
};
