import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';

type Json = Record<string, unknown>;
interface Route {
  method: string;
  pattern: RegExp;
  /** Fixed segments win over parameters, as in the router. */
  fixedSegments: number;
  pointer: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/**
 * Holds every response an integration test receives against the published API document: the status must be one
 * the operation documents, and a JSON body must match the documented schema (JSON Schema 2020-12, as OpenAPI 3.1
 * uses). So the document cannot drift from what the server sends.
 */
export class ResponseContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly sharedResponses: Record<string, { content?: Record<string, unknown> }>;

  constructor(document: Json) {
    this.sharedResponses = ((document.components as Json | undefined)?.responses ?? {}) as typeof this.sharedResponses;
    addFormats.default(this.ajv);
    this.ajv.addSchema({ ...document, $id: 'openapi' });
    const paths = document.paths as Record<string, Record<string, { responses?: Route['responses'] }>>;
    this.routes = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        pattern: new RegExp(
          `^${path
            .split('/')
            .map((s) => s.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.'))
            .join('/')}$`,
        ),
        fixedSegments: path.split('/').filter((s) => s && !s.includes('{')).length,
        pointer: `#/paths/${pointerEscape(path)}/${method}`,
        responses: operation.responses ?? {},
      })),
    );
  }

  /** A description of how the response breaks the document, or null when it keeps it. */
  violation(method: string, url: string, response: LightMyRequestResponse): string | null {
    const path = url.split('?')[0] ?? url;
    if (!path.startsWith('/api/')) return null;
    const route = this.routes
      .filter((r) => r.method === method && r.pattern.test(path))
      .sort((a, b) => b.fixedSegments - a.fixedSegments)[0];
    // Unknown paths answer the documented 404 problem of the router; nothing to hold them against.
    if (!route) return null;
    const status = String(response.statusCode);
    const statusKey = [status, `${status[0]}XX`, 'default'].find((k) => route.responses[k]);
    if (!statusKey) {
      return `${method} ${path} answered ${status}, which the document does not list (${Object.keys(route.responses).join(', ')})`;
    }
    // The shared problem responses are given by `$ref` to components.responses.
    const ref = (route.responses[statusKey] as { $ref?: string }).$ref;
    const base = ref ? ref : `${route.pointer}/responses/${statusKey}`;
    const documented = ref ? this.sharedResponses[ref.split('/').at(-1) ?? ''] : route.responses[statusKey];
    const type = String(response.headers['content-type'] ?? '').split(';')[0] ?? '';
    if (!documented?.content || !type.includes('json') || response.body === '') return null;
    const mediaType = documented.content[type] ? type : Object.keys(documented.content)[0];
    if (!mediaType || !(documented.content[mediaType] as Json | undefined)?.schema) return null;
    const key = `${base}/content/${pointerEscape(mediaType)}/schema`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi${key}` });
      this.validators.set(key, validate);
    }
    if (validate(response.json())) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ');
    return `${method} ${path} ${status}: the body does not match the document: ${errors}`;
  }
}

function pointerEscape(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
