import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  errorMessage as catalogueMessage,
  type ErrorBundle,
  endpoints,
  errorMessages,
  homeCardTags,
  locales,
  moduleErrorBundles,
  resources,
  searchKinds,
} from '@berth/domain';
import { describe, expect, it, vi } from 'vitest';
import { demoLoadersInOrder } from './modules/setup/demo-order';
import { errorMessage, installErrorMessages, installedErrorCodes } from './platform/error-catalogue';
import { installedModules } from './platform/module';
import { serverModules } from './server-modules';

const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'modules');

describe('the module list', () => {
  it('names every module folder once, by its folder name', () => {
    const folders = fs
      .readdirSync(modulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(serverModules.map((m) => m.name).sort()).toEqual(folders);
  });

  it('hands itself to the platform, where the modules that iterate over it read it', () => {
    expect(installedModules()).toBe(serverModules);
  });

  it('has one module answering for each resource of the permission catalogue', () => {
    const claimed = serverModules.flatMap((m) => m.resources ?? []);
    expect([...claimed].sort()).toEqual([...resources].sort());
  });

  it('has one module declaring each error bundle of the catalogue, and none outside it', () => {
    const declared = serverModules.flatMap((m) => (m.errors ? [m.errors] : []));
    expect(new Set(declared).size).toBe(declared.length);
    expect(new Set(declared)).toEqual(new Set<ErrorBundle>(moduleErrorBundles));
  });

  it('answers every code of the catalogue in each language through the manifests', () => {
    expect(installedErrorCodes().sort()).toEqual(Object.keys(errorMessages).sort());
    for (const code of installedErrorCodes()) {
      for (const locale of locales) expect(errorMessage(code, locale)).toBe(catalogueMessage(code, locale));
    }
  });

  it('refuses a module that declares a code outside its prefixes, or another module’s prefix', () => {
    const misplaced = { prefixes: ['activity'], messages: { 'task.x': { en: 'x', 'zh-CN': '任' } } } as ErrorBundle;
    expect(() => installErrorMessages([{ name: 'activities', errors: misplaced }])).toThrow(/task\.x/);
    const taken = { prefixes: ['task'], messages: { 'task.y': { en: 'y', 'zh-CN': '任' } } } as ErrorBundle;
    expect(() => installErrorMessages([{ name: 'activities', errors: taken }])).toThrow(/task belongs to tasks/);
    expect(installedErrorCodes()).not.toContain('task.y');
  });

  it('names each job, timeline entity, importer and search kind once', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(serverModules.flatMap((m) => (m.jobs ?? []).map((j) => j.name)));
    unique(serverModules.flatMap((m) => (m.timeline ?? []).map((c) => (c.from === 'audit' ? c.entity : c.kind))));
    unique(serverModules.flatMap((m) => (m.importers ?? []).map((i) => i.entity)));
    unique(serverModules.flatMap((m) => (m.searchProviders ?? []).map((p) => p.kind)));
  });

  it('has a search provider for every kind the global search knows', () => {
    const kinds = serverModules.flatMap((m) => (m.searchProviders ?? []).map((p) => p.kind));
    expect([...kinds].sort()).toEqual([...searchKinds].sort());
  });

  it('serves each home card once, as a read under /api/home/ in the API document’s Home tag, with an answer', () => {
    const cards = serverModules.flatMap((m) => m.homeCards ?? []);
    expect(cards.length).toBeGreaterThan(0);
    expect(new Set(cards.map((c) => c.endpoint.path)).size).toBe(cards.length);
    for (const { endpoint } of cards) {
      expect(endpoint.method, endpoint.path).toBe('GET');
      expect(endpoint.path).toMatch(/^\/api\/home\/[a-z-]+$/);
      expect(endpoint.tags).toEqual(homeCardTags);
      expect(endpoint.response, endpoint.path).toBeDefined();
    }
    // The catalogue's home group and the manifests name the same cards.
    expect(cards.map((c) => c.endpoint.path).sort()).toEqual(
      Object.values(endpoints.home)
        .map((e) => e.path)
        .sort(),
    );
  });

  it('loads the demo data of each module after the modules it builds on', () => {
    const order = demoLoadersInOrder().map((l) => l.module);
    expect(order[0]).toBe('customers');
    expect(order.at(-1)).toBe('pool');
    for (const [i, loader] of demoLoadersInOrder().entries()) {
      for (const before of loader.after ?? []) expect(order.indexOf(before)).toBeLessThan(i);
    }
  });

  // The hubs that iterate the manifests are imported by the modules themselves (routes call the
  // timeline and merge): whichever file a process loads first, every manifest must come out whole.
  it.each([
    './modules/customers/merge-customers',
    './modules/customers/customer-timeline',
    './modules/imports/run-import',
    './modules/imports/start-import',
    './modules/setup/demo-data',
    './modules/search/global-search',
    './server',
  ])('is complete when %s is the first file loaded', async (first) => {
    vi.resetModules();
    await import(first);
    const { serverModules: loaded } = await import('./server-modules');
    expect(loaded.map((m) => m.name)).toEqual(serverModules.map((m) => m.name));
    for (const module of loaded) {
      if (module.name !== 'setup') expect(module.routes, module.name).toBeTypeOf('function');
      for (const job of module.jobs ?? []) expect(job.name, module.name).toBeTypeOf('string');
      for (const c of module.timeline ?? []) expect(c.kind, module.name).toBeTypeOf('string');
      for (const importer of module.importers ?? []) expect(importer.prepare, module.name).toBeTypeOf('function');
      for (const provider of module.searchProviders ?? []) expect(provider.search, module.name).toBeTypeOf('function');
    }
    expect(loaded.filter((m) => m.customerMerge).map((m) => m.name)).toEqual(
      serverModules.filter((m) => m.customerMerge).map((m) => m.name),
    );
  });
});
