import { z } from 'zod';

/**
 * The permission model: a role grants, per resource and action, a data scope.
 * `own` = records the user owns, `team` = records of the user's team and its sub-teams
 * (and their own), `org` = every record of the organisation. No entry = no permission.
 */
export const scopes = ['own', 'team', 'org'] as const;
export type Scope = (typeof scopes)[number];
export const scopeRank: Record<Scope, number> = { own: 1, team: 2, org: 3 };

/** Resources and the actions each supports. Modules add their resources here. */
export const resourceActions = {
  users: ['read', 'create', 'update'],
  teams: ['read', 'create', 'update', 'delete'],
  roles: ['read', 'create', 'update', 'delete'],
  apiKeys: ['read', 'create', 'delete'],
  audit: ['read'],
  outbox: ['read', 'update'],
  /** The organisation's settings (currency, time zone, calendar…); everyone signed in reads them. */
  orgSettings: ['update'],
  /** The embedded database's upkeep page: read its size and statistics, start a round of upkeep. */
  database: ['read', 'update'],
  personalData: ['read'],
  /**
   * Money rights (field rights, applied per record with their scope, see the server's field-access):
   * sell-side revenue (opportunities' expected revenue, shipments' revenue, their sums in reports);
   * cost and margin (opportunities' expected margin, shipments' cost); a customer's billing and credit.
   */
  revenue: ['read'],
  costMargin: ['read'],
  billingCredit: ['read'],
  customers: ['read', 'create', 'update', 'delete', 'merge', 'export', 'assign'],
  customerBilling: ['update'],
  contacts: ['read', 'create', 'update', 'delete'],
  tags: ['read', 'create', 'update', 'delete'],
  /** The public pool (公海): see and claim pooled customers; configure the return rules. */
  pool: ['read', 'claim', 'configure'],
  notes: ['read', 'create', 'update', 'delete'],
  attachments: ['read', 'create', 'delete'],
  segments: ['read', 'create', 'update', 'delete'],
  dataQuality: ['read'],
  /** Sales pipeline; `configure` = stages, lost reasons and next-step rules of the organisation. */
  opportunities: ['read', 'create', 'update', 'delete', 'configure'],
  inquiries: ['read', 'create'],
  activities: ['read', 'create', 'update', 'delete'],
  /** Tasks: everyone reads and works their own; wider scopes see colleagues' tasks. */
  tasks: ['read', 'create', 'update', 'delete'],
  salesEvents: ['read', 'create', 'update', 'delete'],
  /** Shipments follow their customer's scope; `create` and `update` also cover the feeds (batch, events, file). */
  shipments: ['read', 'create', 'update', 'delete'],
  /** Dated exchange rates of the organisation; `update` enters, imports and removes them. */
  exchangeRates: ['read', 'update'],
  /** Outgoing webhooks and inbound hooks of the organisation (integration settings). */
  webhooks: ['read', 'update'],
} as const satisfies Record<string, readonly string[]>;

export type Resource = keyof typeof resourceActions;
export type Action<R extends Resource = Resource> = (typeof resourceActions)[R][number];
export const resources = Object.keys(resourceActions) as Resource[];

export const permissionsSchema = z
  .record(z.string(), z.record(z.string(), z.enum(scopes)))
  .superRefine((value, ctx) => {
    for (const [resource, actions] of Object.entries(value)) {
      // Own keys only: names like "constructor" must not find Object.prototype members.
      const known = Object.hasOwn(resourceActions, resource)
        ? (resourceActions as Record<string, readonly string[]>)[resource]
        : undefined;
      if (!known) {
        ctx.addIssue({ code: 'custom', path: [resource], message: `unknown resource ${resource}` });
        continue;
      }
      for (const action of Object.keys(actions)) {
        if (!known.includes(action)) {
          ctx.addIssue({ code: 'custom', path: [resource, action], message: `unknown action ${action}` });
        }
      }
    }
  });
export type Permissions = Partial<Record<Resource, Partial<Record<string, Scope>>>>;

export function scopeOf(permissions: Permissions, resource: Resource, action: string): Scope | null {
  const actions = Object.hasOwn(permissions, resource) ? permissions[resource] : undefined;
  const scope = actions && Object.hasOwn(actions, action) ? actions[action] : undefined;
  return scope && (scopes as readonly string[]).includes(scope) ? scope : null;
}

const all = (scope: Scope, resource: Resource): Record<string, Scope> =>
  Object.fromEntries(resourceActions[resource].map((a) => [a, scope]));

export function fullPermissions(): Permissions {
  return Object.fromEntries(resources.map((r) => [r, all('org', r)])) as Permissions;
}

/** Built-in roles, matching the departments named in the seeds. Keys are stable. */
export const builtinRoles = [
  { key: 'admin', name: '系统管理员', nameEn: 'Administrator', permissions: fullPermissions() },
  {
    key: 'management',
    name: '管理层',
    nameEn: 'Management',
    permissions: {
      users: { read: 'org' },
      teams: { read: 'org' },
      roles: { read: 'org' },
      audit: { read: 'org' },
      personalData: { read: 'org' },
      revenue: { read: 'org' },
      costMargin: { read: 'org' },
      billingCredit: { read: 'org' },
      customers: { read: 'org', export: 'org' },
      contacts: { read: 'org' },
      tags: { read: 'org' },
      pool: { read: 'org' },
      notes: { read: 'org' },
      attachments: { read: 'org' },
      segments: { read: 'org', create: 'org' },
      dataQuality: { read: 'org' },
      opportunities: { read: 'org' },
      inquiries: { read: 'org' },
      activities: { read: 'org' },
      tasks: { read: 'org', create: 'own', update: 'own' },
      salesEvents: { read: 'org' },
      shipments: { read: 'org' },
      exchangeRates: { read: 'org' },
    },
  },
  {
    key: 'sales_manager',
    name: '销售经理',
    nameEn: 'Sales manager',
    permissions: {
      users: { read: 'team' },
      teams: { read: 'org' },
      personalData: { read: 'team' },
      revenue: { read: 'team' },
      costMargin: { read: 'team' },
      billingCredit: { read: 'team' },
      customers: { read: 'team', create: 'team', update: 'team', merge: 'team', export: 'team', assign: 'team' },
      contacts: { read: 'team', create: 'team', update: 'team', delete: 'team' },
      tags: { read: 'org', create: 'org' },
      pool: { read: 'team', claim: 'team', configure: 'team' },
      notes: { read: 'team', create: 'team', update: 'own', delete: 'team' },
      attachments: { read: 'team', create: 'team', delete: 'team' },
      segments: { read: 'org', create: 'org', update: 'own', delete: 'own' },
      dataQuality: { read: 'team' },
      opportunities: { read: 'team', create: 'team', update: 'team', delete: 'team', configure: 'org' },
      inquiries: { read: 'team', create: 'team' },
      activities: { read: 'team', create: 'team', update: 'own', delete: 'own' },
      tasks: { read: 'team', create: 'team', update: 'team', delete: 'own' },
      salesEvents: { read: 'org', create: 'team', update: 'team', delete: 'team' },
      shipments: { read: 'team' },
      exchangeRates: { read: 'org' },
    },
  },
  {
    key: 'sales_rep',
    name: '销售代表',
    nameEn: 'Sales rep',
    permissions: {
      users: { read: 'team' },
      teams: { read: 'org' },
      personalData: { read: 'own' },
      /** The revenue of their own deals and shipments; neither cost and margin nor billing and credit. */
      revenue: { read: 'own' },
      customers: { read: 'own', create: 'own', update: 'own' },
      contacts: { read: 'own', create: 'own', update: 'own' },
      tags: { read: 'org' },
      pool: { read: 'team', claim: 'team' },
      notes: { read: 'own', create: 'own', update: 'own', delete: 'own' },
      attachments: { read: 'own', create: 'own' },
      segments: { read: 'org', create: 'own', update: 'own', delete: 'own' },
      opportunities: { read: 'own', create: 'own', update: 'own' },
      inquiries: { read: 'own', create: 'own' },
      activities: { read: 'own', create: 'own', update: 'own', delete: 'own' },
      tasks: { read: 'own', create: 'own', update: 'own', delete: 'own' },
      salesEvents: { read: 'org', create: 'own', update: 'own' },
      shipments: { read: 'own' },
      exchangeRates: { read: 'org' },
    },
  },
  {
    key: 'customer_service',
    name: '客服',
    nameEn: 'Customer service',
    permissions: {
      users: { read: 'org' },
      teams: { read: 'org' },
      personalData: { read: 'org' },
      customers: { read: 'org' },
      contacts: { read: 'org' },
      tags: { read: 'org' },
      notes: { read: 'org', create: 'org', update: 'own' },
      attachments: { read: 'org' },
      segments: { read: 'org' },
      inquiries: { read: 'org', create: 'org' },
      activities: { read: 'org', create: 'org', update: 'own' },
      tasks: { read: 'own', create: 'own', update: 'own', delete: 'own' },
      shipments: { read: 'org', update: 'org' },
      exchangeRates: { read: 'org' },
    },
  },
  {
    key: 'operations',
    name: '操作',
    nameEn: 'Operations',
    permissions: {
      users: { read: 'org' },
      teams: { read: 'org' },
      customers: { read: 'org' },
      contacts: { read: 'org' },
      tags: { read: 'org' },
      notes: { read: 'org', create: 'org', update: 'own' },
      attachments: { read: 'org' },
      segments: { read: 'org' },
      activities: { read: 'org' },
      tasks: { read: 'own', create: 'own', update: 'own', delete: 'own' },
      /** Operations keep the jobs' receivables and payables, and their feeds carry them. */
      revenue: { read: 'org' },
      costMargin: { read: 'org' },
      shipments: { read: 'org', create: 'org', update: 'org' },
      exchangeRates: { read: 'org' },
    },
  },
  {
    key: 'finance',
    name: '财务',
    nameEn: 'Finance',
    permissions: {
      users: { read: 'org' },
      teams: { read: 'org' },
      revenue: { read: 'org' },
      costMargin: { read: 'org' },
      billingCredit: { read: 'org' },
      customers: { read: 'org' },
      customerBilling: { update: 'org' },
      contacts: { read: 'org' },
      tags: { read: 'org' },
      notes: { read: 'org', create: 'org', update: 'own' },
      attachments: { read: 'org', create: 'org' },
      segments: { read: 'org' },
      opportunities: { read: 'org' },
      tasks: { read: 'own', create: 'own', update: 'own', delete: 'own' },
      shipments: { read: 'org' },
      exchangeRates: { read: 'org', update: 'org' },
    },
  },
  {
    key: 'marketing',
    name: '市场',
    nameEn: 'Marketing',
    permissions: {
      users: { read: 'org' },
      teams: { read: 'org' },
      customers: { read: 'org', export: 'org' },
      contacts: { read: 'org' },
      tags: { read: 'org', create: 'org', update: 'org', delete: 'org' },
      notes: { read: 'org' },
      segments: { read: 'org', create: 'org', update: 'org', delete: 'org' },
      dataQuality: { read: 'org' },
      opportunities: { read: 'org' },
      inquiries: { read: 'org', create: 'org' },
      tasks: { read: 'own', create: 'own', update: 'own', delete: 'own' },
      salesEvents: { read: 'org', create: 'org', update: 'org', delete: 'org' },
    },
  },
] as const satisfies readonly { key: string; name: string; nameEn: string; permissions: Permissions }[];

export type BuiltinRoleKey = (typeof builtinRoles)[number]['key'];
