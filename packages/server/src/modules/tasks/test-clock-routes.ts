import { defineEndpoint, fixedClock, timestampInputSchema } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import { route } from '../../platform/http/route';
import { runNextStepRules } from './run-next-step-rules';
import { runTaskReminders } from './task-reminders';

const testClockInputSchema = z
  .object({
    job: z.enum(['sales.next-steps', 'tasks.reminders']),
    /** The moment the job believes it is. */
    asOf: timestampInputSchema,
  })
  .strict();

/** Not part of the API: declared here, not in the domain's catalogue. */
const runTestClock = defineEndpoint({
  method: 'POST',
  path: '/api/test-clock/run',
  tags: ['Test clock'],
  summary: 'TEST ONLY (ALLOW_TEST_CLOCK=true): run a scheduled job as of a given time',
  body: testClockInputSchema,
  response: z.object({ job: z.string(), result: z.record(z.string(), z.number()) }),
});

/**
 * TEST ONLY — registered only when ALLOW_TEST_CLOCK=true, never in production: runs a scheduled job
 * now as if it were `asOf`, so end-to-end tests can move time forward without waiting days.
 */
export function testClockRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, runTestClock, {
    access: { permission: ['opportunities', 'configure'] },
    handler: async (request) => {
      const asOf = fixedClock(new Date(request.body.asOf));
      const result =
        request.body.job === 'sales.next-steps'
          ? await runNextStepRules(deps.db, asOf)
          : { reminded: await runTaskReminders(deps.db, asOf) };
      return { job: request.body.job, result };
    },
  });
}
