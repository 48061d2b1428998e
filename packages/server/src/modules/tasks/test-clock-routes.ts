import { fixedClock, timestampInputSchema } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import { runNextStepRules } from './run-next-step-rules';
import { runTaskReminders } from './task-reminders';

const testClockInputSchema = z
  .object({
    job: z.enum(['sales.next-steps', 'tasks.reminders']),
    /** The moment the job believes it is. */
    asOf: timestampInputSchema,
  })
  .strict();

/**
 * TEST ONLY — registered only when ALLOW_TEST_CLOCK=true, never in production: runs a scheduled job
 * now as if it were `asOf`, so end-to-end tests can move time forward without waiting days.
 */
export function testClockRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/test-clock/run',
    {
      schema: {
        tags: ['Test clock'],
        summary: 'TEST ONLY (ALLOW_TEST_CLOCK=true): run a scheduled job as of a given time',
        body: testClockInputSchema,
        response: { 200: z.object({ job: z.string(), result: z.record(z.string(), z.number()) }) },
      },
      config: { access: { permission: ['opportunities', 'configure'] } },
    },
    async (request) => {
      const asOf = fixedClock(new Date(request.body.asOf));
      const result =
        request.body.job === 'sales.next-steps'
          ? await runNextStepRules(deps.db, asOf)
          : { reminded: await runTaskReminders(deps.db, asOf) };
      return { job: request.body.job, result };
    },
  );
}
