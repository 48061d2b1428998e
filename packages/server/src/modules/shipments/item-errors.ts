import type { FieldError } from '@berth/domain';
import { errorMessage } from '@berth/domain';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context';
import { zodIssueCode, zodIssueMessage } from '../../platform/http/zod-messages';

/** A batch item's problems, each naming its field by path (`containers.1.number`), in the caller's language. */
export function issuesToFieldErrors(ctx: Ctx, issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(item)',
    code: zodIssueCode(issue),
    message: zodIssueMessage(issue, ctx.locale),
  }));
}

export function fieldError(ctx: Ctx, field: string, code: string): FieldError {
  return { field, code, message: errorMessage(code, ctx.locale) };
}
