import type { ErrorCode, FieldError, Locale, Problem } from '@berth/domain';
import { locales, pickLocale } from '@berth/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isRefusedValue } from '../app-error';
import { errorMessage } from '../error-catalogue';
import { zodIssueCode, zodIssueMessage } from './zod-messages';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** The caller's language: a download's `lang` (a followed link cannot send Accept-Language), else Accept-Language. */
export function localeOf(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  if (typeof lang === 'string' && (locales as readonly string[]).includes(lang)) return lang as Locale;
  return pickLocale(request.headers['accept-language']);
}

/** Writes an RFC 9457 problem+json body; the message is in the caller's language. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  options: { fields?: FieldError[]; detail?: string; movedTo?: Problem['movedTo'] } = {},
) {
  const locale = localeOf(request);
  const errors = options.fields?.map((f) => ({
    field: f.field,
    code: f.code,
    message:
      f.message === f.code || /^[a-z_]+\.[a-z_.]+$/.test(f.message) ? errorMessage(f.message, locale) : f.message,
  }));
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://berth.dev/problems/${code}`,
      title: titles[status] ?? 'Error',
      status,
      code,
      detail: options.detail ?? errorMessage(code, locale),
      instance: request.url.split('?')[0],
      ...(errors && errors.length > 0 ? { errors } : {}),
      ...(options.movedTo ? { movedTo: options.movedTo } : {}),
    });
}

function fieldErrorsFromValidation(error: FastifyError, locale: Locale): FieldError[] {
  const issues = (error.validation ?? []) as Array<{
    instancePath: string;
    keyword: string;
    message?: string;
    params: Record<string, unknown>;
  }>;
  const where = error.validationContext;
  const result: FieldError[] = [];
  for (const v of issues) {
    const issue = { code: v.keyword, message: v.message, ...v.params } as Parameters<typeof zodIssueMessage>[0];
    const base = v.instancePath.split('/').filter(Boolean).join('.');
    const prefix = where === 'headers' ? 'header:' : '';
    const keys = v.keyword === 'unrecognized_keys' ? ((v.params.keys as string[]) ?? []) : [null];
    for (const key of keys) {
      const field = [base, key].filter(Boolean).join('.') || (where ?? 'body');
      result.push({ field: prefix + field, code: zodIssueCode(issue), message: zodIssueMessage(issue, locale) });
    }
  }
  return result;
}

export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return sendProblem(request, reply, error.status, error.code, {
        fields: error.fields,
        detail: error.detailOverride,
        movedTo: error.movedTo,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const status = error.validationContext === 'body' ? 422 : 400;
      return sendProblem(request, reply, status, 'validation.failed', {
        fields: fieldErrorsFromValidation(error, localeOf(request)),
      });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 413, 'request.too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(request, reply, 415, 'request.unsupported_media_type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, 400, 'request.malformed');
    }
    if (error.statusCode === 429) return sendProblem(request, reply, 429, 'request.rate_limited');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, 'request.malformed');
    }
    // A value that passed validation but that the database cannot hold (a year-0 date, an
    // overflowing number…) is still the request's fault, not ours.
    if (isRefusedValue(error)) {
      request.log.warn({ err: error }, 'the database refused a value of the request');
      return sendProblem(request, reply, 422, 'validation.failed');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'internal.error');
  });
}
