import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  account: {
    title: 'My account',
    profile: 'Profile',
    name: 'Name',
    email: 'Email',
    profileSaved: 'Profile saved',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    passwordHint: 'At least 10 characters, with letters and digits',
    passwordChanged: 'Password changed',
    sessions: 'Sessions',
    sessionsHint: 'These are the active sign-ins of your account. Revoke any you do not recognise.',
    device: 'Device',
    ip: 'IP address',
    createdAt: 'Signed in',
    lastSeenAt: 'Last active',
    expiresAt: 'Expires',
    current: 'This session',
    revoke: 'Revoke',
    confirmRevoke: 'Revoke this session?',
    revoked: 'Session revoked',
    unknownDevice: 'Unknown device',
  },
};
