import type { Resource, Scope } from '@berth/domain';
import type { ComponentType } from 'react';
import { webModules } from '../modules';
import {
  type Access,
  type AnyWebModule,
  type CustomerSummaryCard,
  type CustomerTab,
  type HomeCard,
  type NavEntry,
  type NavGroupKey,
  navGroupKeys,
  type WebRoute,
} from './web-module';

/** A side-menu item, with the access it needs resolved. */
export interface NavItem<LabelKey extends string = string> {
  /** Stable key; the menu item's test id is `nav-<key>`. */
  key: string;
  path: string;
  labelKey: LabelKey;
  icon: ComponentType;
  /** Left out: shown to every signed-in user. */
  access?: Access;
}

export interface NavGroup<LabelKey extends string = string> {
  key: NavGroupKey;
  labelKey: (typeof groupLabels)[NavGroupKey];
  items: NavItem<LabelKey>[];
}

type LabelKeyOf<M extends AnyWebModule> = NonNullable<M['nav']>[number]['labelKey'];
type CustomerTabLabelOf<M extends AnyWebModule> = NonNullable<M['customerTabs']>[number]['labelKey'];

const groupLabels = {
  workbench: 'nav.groupWorkbench',
  crm: 'nav.groupCustomers',
  sales: 'nav.groupSales',
  logistics: 'nav.groupLogistics',
  admin: 'nav.groupAdmin',
} as const satisfies Record<NavGroupKey, `nav.${string}`>;

/** The tabs the given modules add to the customer 360 page, in their order. */
export function customerTabsOf<M extends AnyWebModule>(modules: readonly M[]): CustomerTab<CustomerTabLabelOf<M>>[] {
  const tabs: CustomerTab<CustomerTabLabelOf<M>>[] = modules.flatMap((module) => module.customerTabs ?? []);
  return tabs.sort((a, b) => a.order - b.order);
}

/** The cards the given modules add to the home page, in their order. */
export function homeCardsOf(modules: readonly AnyWebModule[]): HomeCard[] {
  return modules.flatMap((module) => module.homeCards ?? []).sort((a, b) => a.order - b.order);
}

/** Every page of the given modules. */
export function routesOf(modules: readonly AnyWebModule[]): WebRoute[] {
  return modules.flatMap((module) => module.routes ?? []);
}

/**
 * The side menu of the given modules: groups in their fixed order, items by `order`, each item with its own
 * access or else the access of the route it opens. Empty groups are left out.
 */
export function navGroupsOf<M extends AnyWebModule>(modules: readonly M[]): NavGroup<LabelKeyOf<M>>[] {
  const routes = new Map(routesOf(modules).map((route) => [route.path, route]));
  const entries: NavEntry<LabelKeyOf<M>>[] = modules.flatMap((module) => module.nav ?? []);
  return navGroupKeys
    .map((group) => ({
      key: group,
      labelKey: groupLabels[group],
      items: entries
        .filter((entry) => entry.group === group)
        .sort((a, b) => a.order - b.order)
        .map(({ key, path, labelKey, icon, access }) => ({
          key,
          path,
          labelKey,
          icon,
          access: access ?? routes.get(path)?.access,
        })),
    }))
    .filter((group) => group.items.length > 0);
}

export const navGroups = navGroupsOf(webModules);

/** The tabs modules add to the customer 360 page. */
export const customerTabs = customerTabsOf(webModules);

/** The cards modules add to the home page. */
export const homeCards = homeCardsOf(webModules);

/** The summary cards modules add to the customer 360 page, in their order. */
export const customerSummaryCards: CustomerSummaryCard[] = webModules
  .flatMap((module): readonly CustomerSummaryCard[] => module.customerSummaryCards ?? [])
  .sort((a, b) => a.order - b.order);

/** Whether the signed-in user may see a nav item (`can` from `useCan`). */
export function navItemVisible(item: NavItem, can: (resource: Resource, action: string) => boolean): boolean {
  return !item.access || can(item.access.resource, item.access.action ?? 'read');
}

/** The nav item a path belongs to ('/admin/users/…' → users); the longest matching path wins ('/customers/tags'). */
export function navItemFor<LabelKey extends string>(
  pathname: string,
  groups: readonly NavGroup<LabelKey>[],
): NavItem<LabelKey> | undefined {
  const items = groups.flatMap((group) => group.items);
  const matches = items.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * Whether the signed-in user sees a home card (`scope` from `useScope`): they hold its access, and for a managers'
 * card their scope for it reaches beyond their own records.
 */
export function homeCardVisible(card: HomeCard, scope: (resource: Resource, action: string) => Scope | null): boolean {
  const held = scope(card.access.resource, card.access.action ?? 'read');
  return held !== null && (!card.managers || held !== 'own');
}
