/**
 * What other modules may use of the tasks module; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

// A task made as part of another record's write (an activity's next step), in that write's transaction.
export { createTask } from './create-task';
// Reading tasks in another module's SQL (a customer's next follow-up).
export { taskRef } from './task-ref';
