import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Endpoint, endpoints } from '@berth/domain';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOpenApiPath } from '../src/platform/http/openapi-document';
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

  it('publishes exactly the operations of the domain’s endpoint catalogue, which the console calls', () => {
    const declared = Object.values(endpoints).flatMap((group) =>
      Object.values(group as Record<string, Endpoint>).map((e) => `${e.method.toLowerCase()} ${toOpenApiPath(e.path)}`),
    );
    const published = operations().map(({ method, path }) => `${method} ${path}`);
    expect(published.sort()).toEqual(declared.sort());
  });

  it('documents the problems a route can answer', () => {
    const responses = (method: string, path: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {});
    expect(responses('patch', '/api/customers/{id}')).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '412', '422', '428']),
    );
    expect(responses('post', '/api/auth/login')).toEqual(expect.arrayContaining(['401', '423', '429']));
    expect(responses('get', '/api/customers')).not.toContain('412');
    for (const { method, path, operation } of operations()) {
      expect(
        Object.keys(operation.responses ?? {}).some((status) => status.startsWith('4')),
        `${method} ${path}`,
      ).toBe(true);
    }
  });

  it('generates a typed client that compiles', async () => {
    // Under node_modules so the usage below resolves openapi-fetch as an integrator's project would.
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../node_modules/.cache/berth-client');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'berth-api.ts'), astToString(await openapiTS(document as never)));
    fs.writeFileSync(path.join(dir, 'usage.ts'), clientUsage);
    const program = ts.createProgram([path.join(dir, 'usage.ts')], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});

/** What an integrator writes against the generated types: list, read with the problem's code, update with If-Match. */
const clientUsage = `
import createClient from 'openapi-fetch';
import type { paths } from './berth-api.js';

const berth = createClient<paths>({ baseUrl: 'http://localhost:3000' });

export async function firstCustomerCode(): Promise<string | undefined> {
  const { data, error } = await berth.GET('/api/customers', { params: { query: { limit: 10, q: '宁波' } } });
  if (error) throw new Error(error.code);
  return data.items[0]?.code;
}

export async function rename(id: string, version: number): Promise<number> {
  const { data, error } = await berth.PATCH('/api/customers/{id}', {
    params: { path: { id }, header: { 'If-Match': \`"\${version}"\` } },
    body: { name: 'Ningbo Sea Star Logistics' },
  });
  if (error) throw new Error(\`\${error.status} \${error.code}: \${error.detail}\`);
  return data.version;
}
`;
