import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { uuidv7 } from 'uuidv7';
import type { AppDeps } from './platform/deps';
import { registerAccessControl } from './platform/http/access';
import { registerIdempotency } from './platform/http/idempotency';
import { registerInputGuard } from './platform/http/input-guard';
import { registerMetrics } from './platform/http/metrics';
import { completeOpenApiDocument } from './platform/http/openapi-document';
import { registerProblemHandler, sendProblem } from './platform/http/problem-handler';
import { requireEndpoints, route } from './platform/http/route';
import { serverModules } from './server-modules';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions['logger'] } = {}) {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.LOG_LEVEL },
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    trustProxy: deps.config.TRUST_PROXY,
    genReqId: () => uuidv7(),
    requestIdHeader: false,
    // URLs the router cannot take apart (bad percent-encoding, an over-long id) answer problem+json too.
    frameworkErrors: (_error, request, reply) => sendProblem(request, reply, 400, 'request.malformed'),
    // Requests Node cannot even parse (e.g. raw non-ASCII bytes in the URL) still get problem+json.
    clientErrorHandler: (_error, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify({
        type: 'https://berth.dev/problems/request.malformed',
        title: 'Bad Request',
        status: 400,
        code: 'request.malformed',
        detail: 'The request could not be read.',
      });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Request-Id', request.id);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.COOKIE_SECURE,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { files: 1, fields: 10, fieldSize: 100_000, fileSize: deps.config.UPLOAD_LIMIT_BYTES },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, rateLimited: true, ttl: context.ttl }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Berth API',
        version: '1.0.0',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
        description:
          'The Berth CRM API. Errors are RFC 9457 problem+json with a stable `code`. Lists use keyset ' +
          'pagination (`limit`, `cursor` → `nextCursor`). Updates take `If-Match: "<version>"` and answer 412 ' +
          'when the record changed. POSTs accept `Idempotency-Key`. Cookie sessions send `X-CSRF-Token` on writes.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'berth_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => completeOpenApiDocument(jsonSchemaTransformObject(document), deps.routeTable),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  registerAccessControl(
    app,
    deps.db,
    { idleHours: deps.config.SESSION_IDLE_HOURS, maxDays: deps.config.SESSION_MAX_DAYS },
    deps.routeTable,
    deps.clock,
  );
  requireEndpoints(app);
  registerInputGuard(app);
  registerIdempotency(app, deps.db);
  registerMetrics(app);
  registerHealth(app, deps);
  for (const module of serverModules) module.routes?.(app, deps);
  for (const card of serverModules.flatMap((module) => module.homeCards ?? [])) {
    route(app, card.endpoint, { access: card.access, handler: (request) => card.load(request.ctx) });
  }
  await registerWebConsole(app);
  return app;
}

function registerHealth(app: FastifyInstance, deps: AppDeps) {
  let shuttingDown = false;
  app.addHook('onClose', async () => {
    shuttingDown = true;
  });
  // Operational endpoints (docs/operations.md), not part of the API document.
  app.get('/healthz', { logLevel: 'warn', schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn', schema: { hide: true } }, async (_request, reply) => {
    if (shuttingDown) return reply.code(503).send({ status: 'shutting down' });
    try {
      await deps.db.execute(sql`select 1`);
      return { status: 'ready', database: deps.engine };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
}

/** Serves the built console; any non-API path falls back to index.html for client routing. */
async function registerWebConsole(app: FastifyInstance) {
  // `dist` links to the current build; a later build switches the link, and this server keeps serving the
  // build it started with (its asset routes were registered from it).
  const buildDir = fs.existsSync(webDistDir) ? fs.realpathSync(webDistDir) : webDistDir;
  const indexHtml = path.join(buildDir, 'index.html');
  if (fs.existsSync(indexHtml)) {
    await app.register(fastifyStatic, { root: buildDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const apiPath = /^\/(api|healthz|readyz|metrics)(\/|$)/.test(request.url);
    if (apiPath || request.method !== 'GET') return sendProblem(request, reply, 404, 'route.not_found');
    if (!fs.existsSync(indexHtml)) {
      return reply.type('text/plain').send('The web console is not built. Run `npm run build` (npm start does it).');
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
