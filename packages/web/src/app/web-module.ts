import type { Action, Customer, Locale, Resource } from '@berth/domain';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** What a page or a menu entry needs: `<resource>.<action>`, `read` unless told. */
export type Access = { [R in Resource]: { resource: R; action?: Action<R> } }[Resource];

/** A page of the signed-in console. */
export interface WebRoute {
  /** Absolute path, e.g. `/customers/:id/edit`. */
  path: string;
  page: ComponentType;
  /** Left out: every signed-in user may open the page. */
  access?: Access;
}

/** The groups of the side menu, in the order they are shown. */
export const navGroupKeys = ['workbench', 'crm', 'sales', 'logistics', 'admin'] as const;
export type NavGroupKey = (typeof navGroupKeys)[number];

/** A side-menu entry; its test id is `nav-<key>`. */
export interface NavEntry<LabelKey extends string = string> {
  key: string;
  /** The path of one of the module's routes. */
  path: string;
  group: NavGroupKey;
  /** Place within the group, lowest first. */
  order: number;
  icon: ComponentType;
  labelKey: LabelKey;
  /** Left out: the access of the route at `path`. Set it to show the entry to fewer users than the route admits. */
  access?: Access;
}

/** Menu labels live under `nav` in the module's own bundle. */
type NavLabelKey<Bundle> = Bundle extends { nav: infer Labels } ? `nav.${keyof Labels & string}` : never;

/** What a tab of the customer 360 page is given: the customer it shows. */
export interface CustomerTabProps {
  customer: { id: string; name: string };
}

/**
 * A tab a module adds to the customer 360 page (shipments adds the customer's shipments). The page shows it after
 * its own record tabs and before the timeline, to users with `access`; its test id is `customer-tab-<key>`.
 */
export interface CustomerTab<LabelKey extends string = string> {
  key: string;
  /** Place among the modules' tabs, lowest first. */
  order: number;
  labelKey: LabelKey;
  access: Access;
  /** Loaded on first view: `lazyPanel(() => import('./customer-shipments'), 'CustomerShipments')`. */
  panel: ComponentType<CustomerTabProps>;
}

export interface CustomerSummaryCardProps {
  customer: Customer;
}

/**
 * A card a module adds to the summary at the top of the customer 360 page (shipments adds shipments and TEU of the
 * last 12 months), shown after the customer's own figures to users with `access`; its test id is
 * `customer-summary-<key>`. The card follows the field rights of what it shows (amounts the API gives as null).
 */
export interface CustomerSummaryCard {
  key: string;
  /** Place among the modules' cards, lowest first. */
  order: number;
  access: Access;
  /** Loaded with the page: `lazyPanel(() => import('./customer-shipment-summary'), 'CustomerShipmentSummary')`. */
  card: ComponentType<CustomerSummaryCardProps>;
}

/** Customer tab labels live under `customerTabs` in the module's own bundle. */
type CustomerTabLabelKey<Bundle> = Bundle extends { customerTabs: infer Labels }
  ? `customerTabs.${keyof Labels & string}`
  : never;

/** The width of a home card in the page's grid of 24 columns at 1440 px: a third, half or two thirds. */
export type HomeCardWidth = 8 | 12 | 16;

/**
 * A card a module adds to the home page (the workbench), drawing the data its server module serves under
 * `/api/home/<card>`. The page shows the cards the user has `access` for (and, with `managers`, only to users whose
 * scope for it is team or organisation), by `order`; the card loads its own data. Its test id is `home-card-<key>`.
 */
export interface HomeCard {
  key: string;
  /** Place on the page, lowest first. */
  order: number;
  access: Access;
  /** Only for users who see more than their own records (scope team or organisation for `access`). */
  managers?: true;
  width: HomeCardWidth;
  /** Loaded on first view: `lazyPanel(() => import('./home-tasks-card'), 'HomeTasksCard')`. */
  card: ComponentType;
}

/**
 * One console module: its pages with the access they need, its menu entries and its texts. The shell assembles
 * routes, menu and translations from the list in `modules/index.ts`.
 */
export interface WebModule<Bundle extends object = object> {
  name: string;
  routes?: readonly WebRoute[];
  nav?: readonly NavEntry<NavLabelKey<Bundle>>[];
  /** Tabs the module adds to the customer 360 page. */
  customerTabs?: readonly CustomerTab<CustomerTabLabelKey<Bundle>>[];
  /** Cards the module adds to the home page. */
  homeCards?: readonly HomeCard[];
  /** Cards the module adds to the customer 360 page's summary. */
  customerSummaryCards?: readonly CustomerSummaryCard[];
  /**
   * The module's texts per UI language. Their top-level keys are its namespaces (`t('pool.title')`); menu labels
   * go under `nav`. A key may be declared by one module only.
   */
  locales: Record<Locale, Bundle>;
}

/** Any module, whatever its texts: what the shell's assembly reads. */
export type AnyWebModule = Omit<WebModule, 'nav' | 'customerTabs'> & {
  nav?: readonly NavEntry[];
  customerTabs?: readonly CustomerTab[];
};

/** A page loaded on first visit: `lazyPage(() => import('./pool-page'), 'PoolPage')`. */
export function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/** A panel loaded on first view, with props: `lazyPanel(() => import('./customer-shipments'), 'CustomerShipments')`. */
export function lazyPanel<Props extends object, Name extends string, Module extends Record<Name, ComponentType<Props>>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
