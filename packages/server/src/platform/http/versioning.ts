import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app-error';

/** The version an update expects, from `If-Match: "<version>"`; undefined when the client sent none. */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  // A malformed tag cannot match the current version.
  if (!match) throw AppError.versionConflict();
  return Number(match[1]);
}

/**
 * The version an update of a versioned record must name: without `If-Match` the client could
 * overwrite a change it never saw, so a missing header is 428. `*` says so on purpose.
 */
export function requiredVersion(request: FastifyRequest): number | undefined {
  if (request.headers['if-match'] === undefined) throw AppError.versionRequired();
  return expectedVersion(request);
}

export function sendWithEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  reply.header('ETag', `"${record.version}"`);
  return record;
}
