import type { Endpoint, EndpointResponse, ParsedBody, ParsedParams, ParsedQuery } from '@berth/domain';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, LogLevel, preHandlerAsyncHookHandler } from 'fastify';
import type { Access } from './access';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The domain's declaration of the operation the route serves (`route` sets it). */
    endpoint?: Endpoint;
  }
}

/** The request as the endpoint's schemas left it: params, query and body validated and typed. */
export type EndpointRequest<E extends Endpoint> = FastifyRequest<{
  Params: ParsedParams<E>;
  Querystring: ParsedQuery<E>;
  Body: ParsedBody<E>;
}>;

type Awaitable<T> = T | Promise<T>;

/** What the server adds to the domain's endpoint: who may call it and what it does. */
export interface RouteDefinition<E extends Endpoint> {
  access: Access;
  /**
   * Returns the endpoint's answer (sent with its `status`); nothing for 204 No Content; or the reply once it
   * has sent something else itself (a file, another status).
   */
  handler: (request: EndpointRequest<E>, reply: FastifyReply) => Awaitable<EndpointResponse<E> | FastifyReply>;
  rateLimit?: RateLimitOptions;
  preHandler?: preHandlerAsyncHookHandler;
  logLevel?: LogLevel;
}

/**
 * Registers the route of a domain endpoint: method, URL, validation and its API document entry come from the
 * endpoint, the access rule and the handler from the module. Every API route is registered this way
 * (requireEndpoints refuses others), so the console's calls and the server's routes cannot drift apart.
 */
export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, definition: RouteDefinition<E>): void {
  const { access, handler, rateLimit, preHandler, logLevel } = definition;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: routeSchema(endpoint, access),
    config: { access, endpoint, ...(rateLimit && { rateLimit }) },
    ...(preHandler && { preHandler }),
    ...(logLevel && { logLevel }),
    handler: async (request, reply) => {
      const answer = await handler(request as EndpointRequest<E>, reply);
      if (answer === reply) return reply;
      if (answer === undefined && !endpoint.response) return reply.code(204).send();
      if (endpoint.status) reply.code(endpoint.status);
      return answer;
    },
  });
}

/** Refuses an API route that was not registered from a domain endpoint, as access.ts refuses one without access. */
export function requireEndpoints(app: FastifyInstance): void {
  app.addHook('onRoute', (options) => {
    if (!options.url.startsWith('/api/') || options.url.startsWith('/api/docs')) return;
    if (!options.config?.endpoint) {
      throw new Error(`Route ${options.method} ${options.url} is not registered from a domain endpoint (route())`);
    }
  });
}

/** The Fastify schema of the route: what it validates, and what the API document says about it. */
function routeSchema(endpoint: Endpoint, access: Access) {
  const schema: Record<string, unknown> = { tags: endpoint.tags, summary: endpoint.summary };
  if (endpoint.operationId) schema.operationId = endpoint.operationId;
  if (endpoint.description) schema.description = endpoint.description;
  if (endpoint.multipart) schema.consumes = ['multipart/form-data'];
  // Public operations take no credential.
  if ('public' in access) schema.security = [];
  if (endpoint.params) schema.params = endpoint.params;
  if (endpoint.query) schema.querystring = endpoint.query;
  if (endpoint.body) schema.body = endpoint.body;
  if (endpoint.response) schema.response = { [endpoint.status ?? 200]: endpoint.response };
  return schema;
}
