import type { ErrorCode, FieldError, Problem } from '@berth/domain';

/** A field-level problem with a catalogue code; `message` may be a code too, translated when the response is written. */
export interface AppFieldError extends FieldError {
  code: ErrorCode;
}

export interface AppErrorOptions {
  fields?: AppFieldError[];
  detail?: string;
  /** Where the record asked for lives now (a merged customer's surviving record). */
  movedTo?: Problem['movedTo'];
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * The one error type of the server: a stable code of the catalogue (`ErrorCode`: an undeclared code
 * does not compile), an HTTP status and optional field errors.
 */
export class AppError extends Error {
  readonly fields: AppFieldError[];
  readonly headers: Record<string, string>;
  readonly detailOverride?: string;
  readonly movedTo?: Problem['movedTo'];

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    options: AppErrorOptions = {},
  ) {
    super(code, { cause: options.cause });
    this.fields = options.fields ?? [];
    this.headers = options.headers ?? {};
    this.detailOverride = options.detail;
    this.movedTo = options.movedTo;
  }

  static validation(field: string, code: ErrorCode, message?: string): AppError {
    return new AppError('validation.failed', 422, { fields: [{ field, code, message: message ?? code }] });
  }
  static notFound(): AppError {
    return new AppError('resource.not_found', 404);
  }
  static forbidden(): AppError {
    return new AppError('permission.denied', 403);
  }
  static versionConflict(): AppError {
    return new AppError('conflict.version', 412);
  }
  static versionRequired(): AppError {
    return new AppError('request.version_required', 428);
  }
  static conflict(code: ErrorCode, field?: string): AppError {
    return new AppError(code, 409, field ? { fields: [{ field, code, message: code }] } : {});
  }
}

/** PostgreSQL unique violation, raised the same way by both engines. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}
export function isForeignKeyViolation(error: unknown): boolean {
  return findPgError(error)?.code === '23503';
}

/**
 * The database gave up on the transaction, not on what it wrote: it was chosen as a deadlock's victim (40P01) or
 * could not be serialised (40001). Run again from the start, the same work succeeds.
 */
export function isTransactionConflict(error: unknown): boolean {
  const code = findPgError(error)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * The database refused a value the request carried: too long (22001), a number or date out of
 * range (22003, 22007, 22008), text it cannot encode (22021, 22P05), or too big for an index
 * entry (54000). Both engines raise the same SQLSTATEs.
 */
const refusedValueStates = new Set(['22001', '22003', '22007', '22008', '22021', '22P05', '54000']);
export function isRefusedValue(error: unknown): boolean {
  return refusedValueStates.has(findPgError(error)?.code ?? '');
}

function findPgError(error: unknown): { code?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const candidate = current as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, constraint: candidate.constraint };
    }
    current = candidate.cause;
  }
  return undefined;
}
