import { defineEndpoint, idParamSchema } from '@berth/domain';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requireEndpoints, route } from './route';

const tags = ['Things'];
const thingSchema = z.object({ id: z.uuid(), name: z.string() });
const things = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/things/:id',
    tags,
    summary: 'Get a thing',
    params: idParamSchema,
    response: thingSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/things',
    tags,
    summary: 'Create a thing',
    body: z.object({ name: z.string().min(1) }),
    response: thingSchema,
    status: 201,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/things/:id',
    tags,
    summary: 'Delete a thing',
    params: idParamSchema,
  }),
};
const id = '0190a6f0-0000-7000-8000-000000000001';
const access = { signedIn: true } as const;

function appWithThings() {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  requireEndpoints(app);
  const deleted: string[] = [];
  route(app, things.get, { access, handler: (request) => ({ id: request.params.id, name: 'crate', extra: 1 }) });
  route(app, things.create, { access, handler: (request) => ({ id, name: request.body.name }) });
  route(app, things.delete, {
    access,
    handler: async (request) => {
      deleted.push(request.params.id);
    },
  });
  return { app, deleted };
}

describe('routes registered from domain endpoints', () => {
  it('answers with the endpoint’s schema, leaving out what it does not declare', async () => {
    const { app } = appWithThings();
    const response = await app.inject({ method: 'GET', url: `/api/things/${id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id, name: 'crate' });
  });

  it('answers with the endpoint’s status', async () => {
    const { app } = appWithThings();
    const response = await app.inject({ method: 'POST', url: '/api/things', payload: { name: 'pallet' } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id, name: 'pallet' });
  });

  it('answers 204 No Content when the endpoint declares no answer', async () => {
    const { app, deleted } = appWithThings();
    const response = await app.inject({ method: 'DELETE', url: `/api/things/${id}` });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(deleted).toEqual([id]);
  });

  it('validates path parameters and body with the endpoint’s schemas', async () => {
    const { app } = appWithThings();
    expect((await app.inject({ method: 'GET', url: '/api/things/not-a-uuid' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/things', payload: { name: '' } })).statusCode).toBe(400);
  });

  it('refuses an API route that is not registered from an endpoint', () => {
    const { app } = appWithThings();
    expect(() => app.get('/api/bare', { config: { access } }, () => 'bare')).toThrow(
      'not registered from a domain endpoint',
    );
  });
});
