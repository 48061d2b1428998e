import {
  AimOutlined,
  ApiOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  ControlOutlined,
  FlagOutlined,
  FunnelPlotOutlined,
  HomeOutlined,
  ImportOutlined,
  InboxOutlined,
  LineChartOutlined,
  MailOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  TagsOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Resource } from '@berth/domain';
import type { ReactNode } from 'react';
import type { Translation } from '../locales/zh-CN';

type NavLabelKey = `nav.${keyof Translation['nav']}`;

export interface NavItem {
  /** Stable key; the menu item's test id is `nav-<key>`. */
  key: string;
  path: string;
  labelKey: NavLabelKey;
  icon: ReactNode;
  /** Shown only with `<resource>.<action>`. */
  resource?: Resource;
  /** The action the item needs on its resource; `read` unless told. */
  action?: string;
}

export interface NavGroup {
  key: string;
  labelKey: NavLabelKey;
  items: NavItem[];
}

export const navGroups: NavGroup[] = [
  {
    key: 'workbench',
    labelKey: 'nav.groupWorkbench',
    items: [
      { key: 'home', path: '/', labelKey: 'nav.home', icon: <HomeOutlined /> },
      { key: 'my-day', path: '/my-day', labelKey: 'nav.myDay', icon: <CarryOutOutlined />, resource: 'tasks' },
      { key: 'calendar', path: '/calendar', labelKey: 'nav.calendar', icon: <CalendarOutlined />, resource: 'tasks' },
    ],
  },
  {
    key: 'crm',
    labelKey: 'nav.groupCustomers',
    items: [
      {
        key: 'customers',
        path: '/customers',
        labelKey: 'nav.customers',
        icon: <ShopOutlined />,
        resource: 'customers',
      },
      {
        key: 'customer-tags',
        path: '/customers/tags',
        labelKey: 'nav.customerTags',
        icon: <TagsOutlined />,
        resource: 'tags',
      },
      {
        key: 'customer-segments',
        path: '/customers/segments',
        labelKey: 'nav.customerSegments',
        icon: <ClusterOutlined />,
        resource: 'segments',
      },
      {
        key: 'data-quality',
        path: '/data-quality',
        labelKey: 'nav.dataQuality',
        icon: <SafetyOutlined />,
        resource: 'dataQuality',
      },
      {
        key: 'pool',
        path: '/pool',
        labelKey: 'nav.pool',
        icon: <InboxOutlined />,
        resource: 'pool',
      },
      {
        key: 'pool-rules',
        path: '/pool/rules',
        labelKey: 'nav.poolRules',
        icon: <ControlOutlined />,
        resource: 'pool',
        action: 'configure',
      },
      {
        key: 'customer-import',
        path: '/customers/import',
        labelKey: 'nav.customerImport',
        icon: <ImportOutlined />,
        resource: 'customers',
        action: 'create',
      },
    ],
  },
  {
    key: 'sales',
    labelKey: 'nav.groupSales',
    items: [
      {
        key: 'opportunities',
        path: '/opportunities',
        labelKey: 'nav.opportunities',
        icon: <FunnelPlotOutlined />,
        resource: 'opportunities',
      },
      {
        key: 'opportunity-list',
        path: '/opportunities/list',
        labelKey: 'nav.opportunityList',
        icon: <UnorderedListOutlined />,
        resource: 'opportunities',
      },
      {
        key: 'forecast',
        path: '/opportunities/forecast',
        labelKey: 'nav.forecast',
        icon: <LineChartOutlined />,
        resource: 'opportunities',
      },
      {
        key: 'pipeline-settings',
        path: '/opportunities/settings',
        labelKey: 'nav.pipelineSettings',
        icon: <SettingOutlined />,
        resource: 'opportunities',
        action: 'configure',
      },
      {
        key: 'next-step-rules',
        path: '/next-step-rules',
        labelKey: 'nav.nextStepRules',
        icon: <NodeIndexOutlined />,
        resource: 'opportunities',
      },
      {
        key: 'sales-events',
        path: '/sales-events',
        labelKey: 'nav.salesEvents',
        icon: <FlagOutlined />,
        resource: 'salesEvents',
      },
      {
        key: 'prospects',
        path: '/prospects',
        labelKey: 'nav.prospects',
        icon: <AimOutlined />,
        resource: 'customers',
      },
    ],
  },
  {
    key: 'admin',
    labelKey: 'nav.groupAdmin',
    items: [
      {
        key: 'users',
        path: '/admin/users',
        labelKey: 'nav.users',
        icon: <UserOutlined />,
        resource: 'users',
      },
      {
        key: 'teams',
        path: '/admin/teams',
        labelKey: 'nav.teams',
        icon: <TeamOutlined />,
        resource: 'teams',
      },
      {
        key: 'roles',
        path: '/admin/roles',
        labelKey: 'nav.roles',
        icon: <SafetyCertificateOutlined />,
        resource: 'roles',
      },
      {
        key: 'api-keys',
        path: '/admin/api-keys',
        labelKey: 'nav.apiKeys',
        icon: <ApiOutlined />,
        resource: 'apiKeys',
      },
      {
        key: 'audit',
        path: '/admin/audit',
        labelKey: 'nav.audit',
        icon: <AuditOutlined />,
        resource: 'audit',
      },
      {
        key: 'outbox',
        path: '/admin/outbox',
        labelKey: 'nav.outbox',
        icon: <MailOutlined />,
        resource: 'outbox',
      },
    ],
  },
];

/** Whether the signed-in user may see a nav item (`can` from `useCan`). */
export function navItemVisible(item: NavItem, can: (resource: Resource, action: string) => boolean): boolean {
  return !item.resource || can(item.resource, item.action ?? 'read');
}

/** The nav item a path belongs to ('/admin/users/…' → users); the longest matching path wins ('/customers/tags'). */
export function navItemFor(pathname: string): NavItem | undefined {
  const items = navGroups.flatMap((group) => group.items);
  const matches = items.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}
