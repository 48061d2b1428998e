import { HomeOutlined, InboxOutlined, ShopOutlined } from '@ant-design/icons';
import { builtinRoles, type Resource, scopeOf } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import { homeCards, homeCardVisible, navGroups, navGroupsOf, navItemFor, navItemVisible } from './navigation';
import type { AnyWebModule } from './web-module';

const page = () => null;
const locales = { 'zh-CN': {}, en: {} };

const pool: AnyWebModule = {
  name: 'pool',
  routes: [
    { path: '/pool', page, access: { resource: 'pool' } },
    { path: '/pool/rules', page, access: { resource: 'pool' } },
  ],
  nav: [
    {
      key: 'pool-rules',
      path: '/pool/rules',
      group: 'crm',
      order: 60,
      icon: InboxOutlined,
      labelKey: 'nav.poolRules',
      access: { resource: 'pool', action: 'configure' },
    },
    { key: 'pool', path: '/pool', group: 'crm', order: 50, icon: InboxOutlined, labelKey: 'nav.pool' },
  ],
  locales,
};
const customers: AnyWebModule = {
  name: 'customers',
  routes: [{ path: '/customers', page, access: { resource: 'customers' } }],
  nav: [
    { key: 'customers', path: '/customers', group: 'crm', order: 10, icon: ShopOutlined, labelKey: 'nav.customers' },
  ],
  locales,
};
const home: AnyWebModule = {
  name: 'home',
  routes: [{ path: '/', page }],
  nav: [{ key: 'home', path: '/', group: 'workbench', order: 10, icon: HomeOutlined, labelKey: 'nav.home' }],
  locales,
};

describe('navGroupsOf', () => {
  it('shows the groups in their fixed order and leaves out empty ones', () => {
    expect(navGroupsOf([pool, home]).map((group) => group.key)).toEqual(['workbench', 'crm']);
  });

  it('orders the items of a group by their place, whichever module declares them', () => {
    const [crm] = navGroupsOf([pool, customers]);
    expect(crm?.items.map((item) => item.key)).toEqual(['customers', 'pool', 'pool-rules']);
  });

  it('gives an item the access of the page it opens unless it asks for more, and none to a page open to all', () => {
    const items = navGroupsOf([pool, home]).flatMap((group) => group.items);
    const access = Object.fromEntries(items.map((item) => [item.key, item.access]));
    expect(access).toEqual({
      home: undefined,
      pool: { resource: 'pool' },
      'pool-rules': { resource: 'pool', action: 'configure' },
    });
  });
});

describe('the console menu', () => {
  it('keeps its groups and their order', () => {
    expect(navGroups.map((group) => [group.key, group.items.map((item) => item.key)])).toEqual([
      ['workbench', ['home', 'my-day', 'calendar']],
      [
        'crm',
        ['customers', 'customer-tags', 'customer-segments', 'data-quality', 'pool', 'pool-rules', 'customer-import'],
      ],
      [
        'sales',
        [
          'opportunities',
          'opportunity-list',
          'forecast',
          'pipeline-settings',
          'next-step-rules',
          'sales-events',
          'prospects',
        ],
      ],
      ['logistics', ['shipments', 'unmatched-parties', 'shipment-report']],
      [
        'admin',
        [
          'org-settings',
          'users',
          'teams',
          'roles',
          'api-keys',
          'audit',
          'outbox',
          'exchange-rates',
          'webhooks',
          'database',
        ],
      ],
    ]);
  });
});

describe('navItemFor', () => {
  it('finds the item a page belongs to; the longest matching path wins', () => {
    expect(navItemFor('/', navGroups)?.key).toBe('home');
    expect(navItemFor('/customers', navGroups)?.key).toBe('customers');
    expect(navItemFor('/customers/0192', navGroups)?.key).toBe('customers');
    expect(navItemFor('/customers/tags', navGroups)?.key).toBe('customer-tags');
    expect(navItemFor('/opportunities/list', navGroups)?.key).toBe('opportunity-list');
    expect(navItemFor('/shipments/unmatched-parties', navGroups)?.key).toBe('unmatched-parties');
    expect(navItemFor('/shipments/0192', navGroups)?.key).toBe('shipments');
  });

  it('does not take a path for another that merely starts with the same letters', () => {
    expect(navItemFor('/customersx', navGroups)).toBeUndefined();
    expect(navItemFor('/unknown', navGroups)).toBeUndefined();
  });
});

describe('navItemVisible', () => {
  const canOnly =
    (...granted: string[]) =>
    (resource: Resource, action: string) =>
      granted.includes(`${resource}.${action}`);
  const items = navGroupsOf([pool, home]).flatMap((group) => group.items);
  const item = (key: string) => items.find((entry) => entry.key === key)!;

  it('shows an item to those with the permission it needs, reading unless told', () => {
    expect(navItemVisible(item('pool'), canOnly('pool.read'))).toBe(true);
    expect(navItemVisible(item('pool'), canOnly('customers.read'))).toBe(false);
    expect(navItemVisible(item('pool-rules'), canOnly('pool.read'))).toBe(false);
    expect(navItemVisible(item('pool-rules'), canOnly('pool.read', 'pool.configure'))).toBe(true);
  });

  it('shows an item without access to everyone', () => {
    expect(navItemVisible(item('home'), canOnly())).toBe(true);
  });
});

describe('the menu of each built-in role', () => {
  const menuOf = (key: string) => {
    const role = builtinRoles.find((r) => r.key === key);
    if (!role) throw new Error(`no built-in role ${key}`);
    const can = (resource: Resource, action: string) => scopeOf(role.permissions, resource, action) !== null;
    return navGroups.flatMap((group) => group.items.filter((item) => navItemVisible(item, can)).map((i) => i.key));
  };

  it('offers users and teams to administrators only, though every role reads them for its pickers', () => {
    expect(menuOf('admin')).toEqual(expect.arrayContaining(['users', 'teams']));
    for (const key of ['sales_rep', 'sales_manager', 'customer_service']) {
      expect(menuOf(key)).not.toContain('users');
      expect(menuOf(key)).not.toContain('teams');
    }
  });
});

describe('the home cards of each built-in role', () => {
  const cardsOf = (key: string) => {
    const role = builtinRoles.find((r) => r.key === key);
    if (!role) throw new Error(`no built-in role ${key}`);
    return homeCards
      .filter((card) => homeCardVisible(card, (resource, action) => scopeOf(role.permissions, resource, action)))
      .map((card) => card.key);
  };

  it('gives a rep their own cards and a manager the team ranking as well', () => {
    expect(cardsOf('sales_rep')).toEqual(['tasks', 'pool-returns', 'inquiries', 'pipeline', 'won', 'shipments']);
    expect(cardsOf('sales_manager')).toEqual([
      'tasks',
      'pool-returns',
      'inquiries',
      'pipeline',
      'won',
      'team',
      'shipments',
    ]);
  });

  it('lays the cards out at 1440 px without holes: my tasks wide enough to read, each row but the last full', () => {
    // The console's content is 1440 − 220 (menu) − 2 × 24 (margins) wide; the grid's xl breakpoint applies.
    const content = 1440 - 220 - 48;
    for (const key of ['sales_rep', 'sales_manager']) {
      const widths = cardsOf(key).map((card) => homeCards.find((c) => c.key === card)?.width ?? 0);
      const rows: number[] = [];
      for (const width of widths) {
        const last = rows.length - 1;
        if (last >= 0 && (rows[last] ?? 0) + width <= 24) rows[last] = (rows[last] ?? 0) + width;
        else rows.push(width);
      }
      expect(rows.slice(0, -1).every((sum) => sum === 24)).toBe(true);
    }
    const tasks = homeCards.find((card) => card.key === 'tasks');
    expect(((tasks?.width ?? 0) / 24) * content).toBeGreaterThan(600);
  });

  it('shows a card only with its access, and a managers’ card only beyond one’s own records', () => {
    const team = homeCards.find((card) => card.key === 'team');
    if (!team) throw new Error('no team card');
    expect(homeCardVisible(team, () => 'own')).toBe(false);
    expect(homeCardVisible(team, () => 'team')).toBe(true);
    expect(homeCardVisible(team, () => null)).toBe(false);
    expect(new Set(homeCards.map((card) => card.key)).size).toBe(homeCards.length);
  });
});
