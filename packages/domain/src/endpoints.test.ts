import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoints } from './endpoints';
import { type Endpoint, pathParamNames } from './platform/contract';

const all: [string, Endpoint][] = Object.entries(endpoints).flatMap(([resource, group]) =>
  Object.entries(group as Record<string, Endpoint>).map(([name, endpoint]): [string, Endpoint] => [
    `${resource}.${name}`,
    endpoint,
  ]),
);

describe('the endpoint catalogue', () => {
  it('declares each method and path once', () => {
    const routes = all.map(([, e]) => `${e.method} ${e.path}`);
    expect(routes.filter((route, i) => routes.indexOf(route) !== i)).toEqual([]);
  });

  it('declares a params schema with exactly the parameters of the path', () => {
    const mismatches = all.flatMap(([name, e]) => {
      const inPath = pathParamNames(e.path).sort();
      const declared = e.params instanceof z.ZodObject ? Object.keys(e.params.shape).sort() : [];
      return inPath.join() === declared.join() && inPath.length > 0 === Boolean(e.params) ? [] : [name];
    });
    expect(mismatches).toEqual([]);
  });

  it('takes a body only on writes, and names a success status only with an answer', () => {
    const wrong = all.flatMap(([name, e]) =>
      (e.method === 'GET' && (e.body || e.multipart)) || (e.status && !e.response) || (e.body && e.multipart)
        ? [name]
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it('keeps every path under /api/', () => {
    expect(all.filter(([, e]) => !e.path.startsWith('/api/')).map(([name]) => name)).toEqual([]);
  });
});
