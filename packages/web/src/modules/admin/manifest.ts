import {
  ApiOutlined,
  AuditOutlined,
  DatabaseOutlined,
  LinkOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  TransactionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const adminModule: WebModule<typeof zhCN> = {
  name: 'admin',
  routes: [
    {
      path: '/admin/users',
      page: lazyPage(() => import('./users/users-page'), 'UsersPage'),
      access: { resource: 'users' },
    },
    {
      path: '/admin/teams',
      page: lazyPage(() => import('./teams/teams-page'), 'TeamsPage'),
      access: { resource: 'teams' },
    },
    {
      path: '/admin/roles',
      page: lazyPage(() => import('./roles/roles-page'), 'RolesPage'),
      access: { resource: 'roles' },
    },
    {
      path: '/admin/roles/new',
      page: lazyPage(() => import('./roles/role-form-page'), 'RoleFormPage'),
      access: { resource: 'roles', action: 'create' },
    },
    {
      path: '/admin/roles/:id',
      page: lazyPage(() => import('./roles/role-form-page'), 'RoleFormPage'),
      access: { resource: 'roles' },
    },
    {
      path: '/admin/api-keys',
      page: lazyPage(() => import('./api-keys/api-keys-page'), 'ApiKeysPage'),
      access: { resource: 'apiKeys' },
    },
    {
      path: '/admin/audit',
      page: lazyPage(() => import('./audit/audit-page'), 'AuditPage'),
      access: { resource: 'audit' },
    },
    {
      path: '/admin/outbox',
      page: lazyPage(() => import('./outbox/outbox-page'), 'OutboxPage'),
      access: { resource: 'outbox' },
    },
    {
      path: '/admin/organization',
      page: lazyPage(() => import('./org-settings/org-settings-page'), 'OrgSettingsPage'),
      access: { resource: 'orgSettings', action: 'update' },
    },
    {
      path: '/admin/exchange-rates',
      page: lazyPage(() => import('./exchange-rates/exchange-rates-page'), 'ExchangeRatesPage'),
      access: { resource: 'exchangeRates' },
    },
    {
      path: '/admin/webhooks',
      page: lazyPage(() => import('./webhooks/webhooks-page'), 'WebhooksPage'),
      access: { resource: 'webhooks' },
    },
    {
      path: '/admin/database',
      page: lazyPage(() => import('./database/database-upkeep-page'), 'DatabaseUpkeepPage'),
      access: { resource: 'database' },
    },
  ],
  nav: [
    // Every role reads users and teams (for pickers and owners); the menu offers them to those who manage them.
    {
      key: 'users',
      path: '/admin/users',
      group: 'admin',
      order: 10,
      icon: UserOutlined,
      labelKey: 'nav.users',
      access: { resource: 'users', action: 'update' },
    },
    {
      key: 'teams',
      path: '/admin/teams',
      group: 'admin',
      order: 20,
      icon: TeamOutlined,
      labelKey: 'nav.teams',
      access: { resource: 'teams', action: 'update' },
    },
    {
      key: 'roles',
      path: '/admin/roles',
      group: 'admin',
      order: 30,
      icon: SafetyCertificateOutlined,
      labelKey: 'nav.roles',
    },
    { key: 'api-keys', path: '/admin/api-keys', group: 'admin', order: 40, icon: ApiOutlined, labelKey: 'nav.apiKeys' },
    { key: 'audit', path: '/admin/audit', group: 'admin', order: 50, icon: AuditOutlined, labelKey: 'nav.audit' },
    { key: 'outbox', path: '/admin/outbox', group: 'admin', order: 60, icon: MailOutlined, labelKey: 'nav.outbox' },
    {
      key: 'org-settings',
      path: '/admin/organization',
      group: 'admin',
      order: 5,
      icon: SettingOutlined,
      labelKey: 'nav.orgSettings',
    },
    {
      key: 'exchange-rates',
      path: '/admin/exchange-rates',
      group: 'admin',
      order: 70,
      icon: TransactionOutlined,
      labelKey: 'nav.exchangeRates',
      // Every role reads the rates (money in reports); the menu offers them to those who enter them.
      access: { resource: 'exchangeRates', action: 'update' },
    },
    {
      key: 'webhooks',
      path: '/admin/webhooks',
      group: 'admin',
      order: 80,
      icon: LinkOutlined,
      labelKey: 'nav.webhooks',
    },
    {
      key: 'database',
      path: '/admin/database',
      group: 'admin',
      order: 90,
      icon: DatabaseOutlined,
      labelKey: 'nav.database',
    },
  ],
  locales: { 'zh-CN': zhCN, en },
};
