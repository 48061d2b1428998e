import { errorMessage, errorMessages, type FieldError, type Locale, type Problem, problemSchema } from '@berth/domain';

/** A failed API call, built from the RFC 9457 problem+json answer of the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  /** Where the record lives now, when it moved (a merged customer). */
  readonly movedTo: Problem['movedTo'];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.movedTo = problem.movedTo;
  }

  /** The text to show a person: the server's localized detail, else the known code, else the title. */
  displayMessage(locale: Locale): string {
    if (this.detail) return this.detail;
    if (Object.hasOwn(errorMessages, this.code)) return errorMessage(this.code, locale);
    return this.title;
  }
}

/** Code used when the server could not be reached at all. */
export const networkErrorCode = 'network.unreachable';

/**
 * The error of a failed answer: its problem+json body when it has one, else a problem made from the status
 * (`http.<status>`, or `internal.error` for a 5xx such as a proxy's HTML error page).
 */
export function apiErrorFromResponse(status: number, statusText: string, body: unknown): ApiError {
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data);
  return new ApiError({
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    code: status >= 500 ? 'internal.error' : `http.${status}`,
  });
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** What a field of a request is called on screen, or undefined when it has no label of its own. */
export type FieldLabeler = (field: string) => string | undefined;

function normalised(text: string): string {
  return text.replace(/[\s。．.!！]+$/u, '').trim();
}

/**
 * One message for a problem shown outside a form (a toast, an upload): the localized detail, then the
 * field errors that add something, each under its field's label when it has one. A field error that
 * repeats the detail is left out, and a field's internal key (`file`, `contacts.0.email`) is never shown.
 */
export function problemMessage(
  error: Pick<ApiError, 'displayMessage' | 'fieldErrors'>,
  locale: Locale,
  labelOf: FieldLabeler = () => undefined,
  fieldErrors: FieldError[] = error.fieldErrors,
): string {
  const main = error.displayMessage(locale);
  const seen = new Set([normalised(main)]);
  const parts = [main];
  for (const fieldError of fieldErrors) {
    const text = normalised(fieldError.message);
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const label = labelOf(fieldError.field);
    parts.push(label ? `${label}${locale === 'zh-CN' ? '：' : ': '}${fieldError.message}` : fieldError.message);
  }
  return parts.join(locale === 'zh-CN' ? '' : ' ');
}
