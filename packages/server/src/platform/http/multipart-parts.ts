import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../app-error';
import { checkInput } from './input-guard';

type PartsOptions = Parameters<FastifyRequest['parts']>[0];

/**
 * The parts of a multipart request. The parser reports a body it cannot read — a Content-Type
 * without a usable boundary, a body that never reaches the boundary — as a plain error; that is
 * the client's mistake (400), not ours. Errors of the upload plugin keep their own status (413…).
 * Text fields go through the same check as JSON bodies (see input-guard.ts); file names are the
 * routes' to clean.
 */
export async function* multipartParts(request: FastifyRequest, options?: PartsOptions): AsyncGenerator<Multipart> {
  if (!request.isMultipart()) throw new AppError('request.unsupported_media_type', 415);
  try {
    for await (const part of request.parts(options)) {
      if (part.type === 'field') checkInput({ [part.fieldname]: part.value }, 'body');
      yield part;
    }
  } catch (error) {
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('request.malformed', 400, { cause: error });
  }
}
