import {
  idParamSchema,
  nextStepRuleInputSchema,
  nextStepRuleListSchema,
  nextStepRuleSchema,
  updateNextStepRuleInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import {
  createNextStepRule,
  deleteNextStepRule,
  findNextStepRules,
  getNextStepRule,
  updateNextStepRule,
} from './next-step-rules';

export function nextStepRuleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Next-step rules'];

  r.get(
    '/api/next-step-rules',
    {
      schema: {
        tags,
        summary: 'The sales process’s next-step rules, by stage',
        response: { 200: nextStepRuleListSchema },
      },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    (request) => findNextStepRules(request.ctx),
  );
  r.post(
    '/api/next-step-rules',
    {
      schema: {
        tags,
        summary: 'Add a rule: no activity / no answer for N days in a stage makes a task for the owner',
        body: nextStepRuleInputSchema,
        response: { 201: nextStepRuleSchema },
      },
      config: { access: { permission: ['opportunities', 'configure'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createNextStepRule(request.ctx, request.body))),
  );
  r.get(
    '/api/next-step-rules/:id',
    {
      schema: { tags, summary: 'One rule', params: idParamSchema, response: { 200: nextStepRuleSchema } },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getNextStepRule(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/next-step-rules/:id',
    {
      schema: {
        tags,
        summary: 'Edit a rule (If-Match: "<version>")',
        params: idParamSchema,
        body: updateNextStepRuleInputSchema,
        response: { 200: nextStepRuleSchema },
      },
      config: { access: { permission: ['opportunities', 'configure'] } },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateNextStepRule(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  );
  r.delete(
    '/api/next-step-rules/:id',
    {
      schema: { tags, summary: 'Delete a rule (If-Match optional); tasks it made stay', params: idParamSchema },
      config: { access: { permission: ['opportunities', 'configure'] } },
    },
    async (request, reply) => {
      await deleteNextStepRule(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
}
