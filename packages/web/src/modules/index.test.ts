import { locales, resourceActions } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import { customerTabs, homeCards, navGroups, routesOf } from '../app/navigation';
import { translations } from '../app/translations';
import type { Access, AnyWebModule } from '../app/web-module';
import { webModules } from '.';

const modules: readonly AnyWebModule[] = webModules;
const routes = routesOf(modules);
const navEntries = modules.flatMap((module) => (module.nav ?? []).map((entry) => ({ module: module.name, entry })));

function isKnownPermission(access: Access): boolean {
  const actions: readonly string[] | undefined = Object.hasOwn(resourceActions, access.resource)
    ? resourceActions[access.resource]
    : undefined;
  return !!actions?.includes(access.action ?? 'read');
}

/** Every text of a bundle by its dotted key. */
function textsOf(bundle: object, prefix = ''): Map<string, unknown> {
  const texts = new Map<string, unknown>();
  for (const [key, value] of Object.entries(bundle)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const entry of textsOf(value, path)) texts.set(...entry);
    else texts.set(path, value);
  }
  return texts;
}

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();

describe('the console modules', () => {
  it('are each listed once', () => {
    const names = modules.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('include every module folder that has a manifest, named as its folder', () => {
    const manifests = import.meta.glob<Record<string, AnyWebModule>>('./*/manifest.ts', { eager: true });
    for (const [file, exports] of Object.entries(manifests)) {
      for (const declared of Object.values(exports)) {
        expect(modules, `${file} is not in modules/index.ts`).toContain(declared);
        expect(`./${declared.name}/manifest.ts`).toBe(file);
      }
    }
    expect(Object.keys(manifests)).toHaveLength(modules.length);
  });

  it('guard every page with a permission the server knows', () => {
    const unknown = routes.filter((route) => route.access && !isKnownPermission(route.access));
    expect(unknown.map((route) => `${route.path} → ${route.access?.resource}.${route.access?.action}`)).toEqual([]);
  });

  it('declare each page path once, from the root', () => {
    const paths = routes.map((route) => route.path);
    expect(paths.filter((path) => !path.startsWith('/'))).toEqual([]);
    expect(paths.filter((path, index) => paths.indexOf(path) !== index)).toEqual([]);
  });

  it('point every menu entry at a page of the same module', () => {
    const astray = navEntries.filter(
      ({ module, entry }) =>
        !modules.find((candidate) => candidate.name === module)?.routes?.some((route) => route.path === entry.path),
    );
    expect(astray.map(({ module, entry }) => `${module}: ${entry.key} → ${entry.path}`)).toEqual([]);
  });

  it('give every menu entry its own key and its own place in its group', () => {
    const keys = navEntries.map(({ entry }) => entry.key);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    const places = navEntries.map(({ entry }) => `${entry.group}/${entry.order}`);
    expect(places.filter((place, index) => places.indexOf(place) !== index)).toEqual([]);
  });

  it('never offer a menu entry to someone its page would refuse', () => {
    for (const item of navGroups.flatMap((group) => group.items)) {
      const route = routes.find((candidate) => candidate.path === item.path);
      if (!route?.access) continue;
      expect(item.access?.resource, item.key).toBe(route.access.resource);
      const routeAction = route.access.action ?? 'read';
      // A page that needs more than reading is only offered to those with that very action.
      if (routeAction !== 'read') expect(item.access?.action, item.key).toBe(routeAction);
      expect(isKnownPermission(item.access ?? route.access), item.key).toBe(true);
    }
  });

  it('label every menu group and entry in every UI language', () => {
    const labelKeys = navGroups.flatMap((group) => [group.labelKey, ...group.items.map((item) => item.labelKey)]);
    for (const locale of locales) {
      const texts = textsOf(translations[locale]);
      const missing = labelKeys.filter((key) => typeof texts.get(key) !== 'string' || texts.get(key) === '');
      expect(missing, locale).toEqual([]);
    }
  });

  it('add customer 360 tabs with their own key, a known permission and a label in every UI language', () => {
    const keys = customerTabs.map((tab) => tab.key);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    for (const tab of customerTabs) expect(isKnownPermission(tab.access), tab.key).toBe(true);
    for (const locale of locales) {
      const texts = textsOf(translations[locale]);
      expect(customerTabs.filter((tab) => typeof texts.get(tab.labelKey) !== 'string').map((tab) => tab.key)).toEqual(
        [],
      );
    }
  });

  it('add home cards with their own key and a known permission', () => {
    const keys = homeCards.map((card) => card.key);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    for (const card of homeCards) expect(isKnownPermission(card.access), card.key).toBe(true);
  });

  it('have every text in both Chinese and English, with the same placeholders', () => {
    const zh = textsOf(translations['zh-CN']);
    const en = textsOf(translations.en);
    expect(
      [...zh.keys()].filter((key) => !en.has(key)),
      'missing in en',
    ).toEqual([]);
    expect(
      [...en.keys()].filter((key) => !zh.has(key)),
      'missing in zh-CN',
    ).toEqual([]);
    const empty = [...zh, ...en].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
    const mismatched = [...zh.keys()].filter(
      (key) => placeholders(zh.get(key)).join() !== placeholders(en.get(key)).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
