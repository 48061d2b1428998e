import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';

type Operation = { operationId?: string; summary?: string; responses?: Record<string, unknown> };

describe('the published API document', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>> };
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ method, path, operation })),
    );

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.request('GET', '/api/openapi.json')).json();
  });
  afterAll(async () => t?.close());

  it("passes Redocly's recommended ruleset", async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        // `/api/opportunities/{id}/stage-changes` and `/api/opportunities/lost-reasons/{id}` are both published
        // paths; the router matches a fixed segment before a parameter, so neither shadows the other.
        'no-ambiguous-paths': 'off',
      },
    });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('names every operation once, after its path and verb', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const idOf = (method: string, path: string) => document.paths[path]?.[method]?.operationId;
    expect(idOf('get', '/api/customers')).toBe('customers.list');
    expect(idOf('post', '/api/customers')).toBe('customers.create');
    expect(idOf('get', '/api/customers/{id}')).toBe('customers.get');
    expect(idOf('patch', '/api/customers/{id}')).toBe('customers.update');
    expect(idOf('post', '/api/customers/{id}/merge')).toBe('customers.merge');
    expect(idOf('get', '/api/customers/{id}/contacts')).toBe('customers.contacts.list');
    expect(idOf('post', '/api/auth/login')).toBe('auth.login');
    // Generated clients name their methods after these: a change here breaks integrators' code.
    expect(
      operations().map(({ method, path, operation }) => `${method} ${path} ${operation.operationId}`),
    ).toMatchSnapshot();
  });

  it('documents the problems a route can answer', () => {
    const responses = (method: string, path: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {});
    expect(responses('patch', '/api/customers/{id}')).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '412', '422', '428']),
    );
    expect(responses('post', '/api/auth/login')).not.toContain('401');
    for (const { method, path, operation } of operations()) {
      expect(
        Object.keys(operation.responses ?? {}).some((status) => status.startsWith('4')),
        `${method} ${path}`,
      ).toBe(true);
    }
  });
});
