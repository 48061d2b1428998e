import type { RouteAccess } from './access';

type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId?: string;
  summary?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The problems every route can answer, one shared description each (RFC 9457 problem+json). */
const problemResponses = {
  BadRequest: ['400', 'The request could not be read (`request.malformed`).'],
  Unauthorized: ['401', 'Not signed in, or the session or API key is no longer valid (`auth.unauthenticated`).'],
  Forbidden: ['403', 'The role lacks the permission, or the CSRF token is missing (`permission.denied`).'],
  NotFound: ['404', 'No such record in the caller’s organisation and data scope (`resource.not_found`).'],
  Conflict: ['409', 'The change conflicts with existing data, e.g. a duplicate (`conflict.*`).'],
  PreconditionFailed: ['412', 'The record changed since the version named in `If-Match` (`conflict.version`).'],
  PayloadTooLarge: ['413', 'The request body is over the size limit (`request.too_large`).'],
  UnsupportedMediaType: ['415', 'The body or file is of a type this route does not take.'],
  UnprocessableContent: ['422', 'Some fields are not valid; `errors` names each field (`validation.failed`).'],
  Locked: ['423', 'Too many failed sign-ins: the account is locked for a while (`auth.locked`).'],
  PreconditionRequired: ['428', 'An update must send `If-Match` (`request.version_required`).'],
  TooManyRequests: ['429', 'Too many requests from this address; try again later (`request.rate_limited`).'],
} as const;
type ProblemName = keyof typeof problemResponses;

const problemSchema = {
  type: 'object',
  description: 'An RFC 9457 problem. `code` is the stable contract; `detail` is in the caller’s language.',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', examples: ['validation.failed'] },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Field-level errors: `field` is the path in the request (e.g. `billing.creditLimit.amount`).',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/**
 * Finishes the generated document for integrators: a stable `operationId` for every operation (client generators
 * name their methods after it), the problem responses each route can give, and where the server is reached.
 */
export function completeOpenApiDocument<T extends Json>(document: T, routes: readonly RouteAccess[]): T {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  const taken = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const access = routes.find((r) => r.method === method.toUpperCase() && toOpenApiPath(r.url) === path)?.access;
      operation.operationId ??= uniqueId(operationIdOf(method, path, item), taken);
      if (method !== 'get') documentNoContent(operation);
      if (takesVersion(method, operation)) {
        operation.parameters = [...(operation.parameters ?? []), ifMatchParameter];
      }
      operation.responses = { ...problemRefs(method, operation, access), ...operation.responses };
    }
  }
  const components = (document.components ?? {}) as Json;
  return {
    ...document,
    servers: [
      {
        url: '{origin}',
        description: 'The Berth server: its scheme, host and port',
        variables: { origin: { default: 'http://localhost:3000' } },
      },
    ],
    components: {
      ...components,
      schemas: { ...(components.schemas as Json | undefined), Problem: problemSchema },
      responses: {
        ...(components.responses as Json | undefined),
        ...Object.fromEntries(
          Object.entries(problemResponses).map(([name, [, description]]) => [
            name,
            {
              description,
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
          ]),
        ),
      },
    },
  };
}

/** A write that declares no body answers 204 No Content. */
function documentNoContent(operation: Operation) {
  const ok = operation.responses?.['200'] as { content?: unknown } | undefined;
  if (!operation.responses || !ok || ok.content) return;
  const { '200': _, ...others } = operation.responses;
  operation.responses = { '204': { description: 'Deleted' }, ...others };
}

/** `/api/customers/:id` → `/api/customers/{id}` */
export function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * `customers.list`, `customers.get`, `customers.contacts.create`, `customers.merge`: the path's fixed segments in
 * camelCase, then a verb — list/get/create/update/replace/delete — unless the last segment of a POST is an action
 * of its own (`/api/customers/{id}/merge`, `/api/auth/login`).
 */
export function operationIdOf(method: (typeof methods)[number], path: string, item: Record<string, unknown>): string {
  const segments = path.split('/').filter((s) => s && s !== 'api');
  const nouns = segments.filter((s) => !s.startsWith('{')).map(camelCase);
  const onItem = segments.at(-1)?.startsWith('{') ?? false;
  const base = nouns.length > 0 ? nouns.join('.') : 'root';
  switch (method) {
    case 'get':
      if (onItem) return `${base}.get`;
      if (isList(item.get as Operation)) return `${base}.list`;
      // A named view of a resource (`customers.export`, `opportunities.forecast`) needs no verb.
      return nouns.length > 1 ? base : `${base}.get`;
    case 'post':
      return onItem || item.get || nouns.length === 1 ? `${base}.create` : base;
    case 'put':
      return `${base}.replace`;
    case 'patch':
      return `${base}.update`;
    case 'delete':
      return `${base}.delete`;
  }
}

/** A page (`items`, `nextCursor`) or a plain list of records. */
function isList(operation: Operation | undefined): boolean {
  const schema = okSchema(operation);
  const properties = schema?.properties as Json | undefined;
  return schema?.type === 'array' || (!!properties && 'items' in properties);
}

/** A versioned record answers with its `version`; updating it takes `If-Match`. */
function takesVersion(method: string, operation: Operation): boolean {
  return (method === 'patch' || method === 'put') && 'version' in (okProperties(operation) ?? {});
}

const ifMatchParameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'The version being changed, as its ETag `"<version>"`; 412 when the record changed since.',
  schema: { type: 'string', examples: ['"3"'] },
};

function okProperties(operation: Operation | undefined): Json | undefined {
  return okSchema(operation)?.properties as Json | undefined;
}

function okSchema(operation: Operation | undefined): Json | undefined {
  const ok = operation?.responses?.['200'] as { content?: Record<string, { schema?: Json }> } | undefined;
  return ok?.content?.['application/json']?.schema;
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}${n}`;
  taken.add(candidate);
  return candidate;
}

function camelCase(segment: string): string {
  return segment.replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function problemRefs(
  method: string,
  operation: Operation,
  access: RouteAccess['access'] | undefined,
): Record<string, unknown> {
  // What the platform can answer on any route: an unreadable request, a missing or refused
  // credential, an id (in the path, the query or the body) that is not the caller's to see, and
  // values the rules refuse.
  const names: ProblemName[] = ['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'UnprocessableContent'];
  if (method !== 'get') {
    names.push('Conflict', 'PreconditionFailed', 'PayloadTooLarge', 'UnsupportedMediaType');
    // Sign-in and first-run setup are rate-limited, and sign-in locks an account after failures.
    if (access && 'public' in access) names.push('Locked', 'TooManyRequests');
  }
  if (takesVersion(method, operation)) names.push('PreconditionRequired');
  return Object.fromEntries(
    names.map((name) => [problemResponses[name][0], { $ref: `#/components/responses/${name}` }]),
  );
}
