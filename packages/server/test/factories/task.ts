import type { createTaskInputSchema, Task } from '@berth/domain';
import type { z } from 'zod';
import type { Session, TestApp } from '../harness';
import { created } from './created';

export type TaskFields = Partial<z.input<typeof createTaskInputSchema>>;

/** A task for `as` (the API's default assignee), without a due time unless given. */
export function aTask(t: TestApp, as: Session, fields: TaskFields = {}): Promise<Task> {
  const body = { title: '回访客户', ...fields };
  return created<Task>(t.request('POST', '/api/tasks', { as, body }), `task ${body.title}`);
}
