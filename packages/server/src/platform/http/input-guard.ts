import type { FastifyInstance } from 'fastify';
import { AppError } from '../app-error';

/** Far deeper than any request body of the API; deeper input is refused before anything recurses over it. */
export const maxInputDepth = 64;

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for
const unstorable = /\u0000|\p{Cs}/u;

/**
 * Text PostgreSQL cannot store — NUL, and UTF-16 surrogate halves without their pair (JSON can
 * carry both as \u escapes) — is refused in the body, query and path with a field error, before
 * validation and before any handler writes; otherwise the database rejects it mid-request and
 * the client gets a 500. Bodies nested absurdly deep are refused too.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    checkInput(request.body, 'body');
    checkInput(request.query, 'querystring');
    checkInput(request.params, 'params');
  });
}

/** Throws the problem for the first unstorable text or too deep nesting in `input`. */
export function checkInput(input: unknown, where: 'body' | 'querystring' | 'params') {
  const status = where === 'body' ? 422 : 400;
  const pending: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: string[] };
    if (path.length > maxInputDepth) throw new AppError('request.malformed', 400);
    if (typeof value === 'string') {
      if (unstorable.test(value)) throw invalidText(path, status);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (unstorable.test(key)) throw invalidText(path, status);
        pending.push({ value: child, path: [...path, key] });
      }
    }
  }
}

function invalidText(path: string[], status: number): AppError {
  const field = path.join('.') || 'body';
  return new AppError('validation.failed', status, {
    fields: [{ field, code: 'validation.invalid_text', message: 'validation.invalid_text' }],
  });
}
