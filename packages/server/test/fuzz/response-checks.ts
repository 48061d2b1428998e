import { errorMessages } from '@berth/domain';
import type { LightMyRequestResponse } from 'fastify';

const knownCodes = new Set(Object.keys(errorMessages));

/**
 * What is wrong with an answer: any 5xx, and any 4xx that is not an RFC 9457 problem with a
 * code from the catalogue the clients translate (see problem-handler.ts). Empty when it is fine.
 */
export function answerProblems(response: LightMyRequestResponse): string[] {
  const status = response.statusCode;
  if (status >= 500) return [`server error ${status}`];
  if (status < 400) return [];
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return [`${status} answered as ${type || 'no content type'}`];
  let body: Record<string, unknown>;
  try {
    body = response.json();
  } catch {
    return [`${status} problem+json that is not JSON`];
  }
  const problems: string[] = [];
  const code = body.code;
  if (typeof code !== 'string' || !knownCodes.has(code)) problems.push(`unknown code ${JSON.stringify(code)}`);
  if (body.status !== status) problems.push(`body status ${String(body.status)} ≠ ${status}`);
  if (body.type !== `https://berth.dev/problems/${String(code)}`) problems.push(`type ${String(body.type)}`);
  if (typeof body.title !== 'string' || typeof body.detail !== 'string') problems.push('no title or detail');
  if (code === 'internal.error') problems.push('internal.error on a 4xx');
  if (body.errors !== undefined) {
    const fieldErrors = Array.isArray(body.errors) ? body.errors : [null];
    for (const e of fieldErrors as Record<string, unknown>[]) {
      if (typeof e?.field !== 'string' || typeof e.code !== 'string' || typeof e.message !== 'string') {
        problems.push(`malformed field error ${JSON.stringify(e)?.slice(0, 120)}`);
        break;
      }
    }
  }
  return problems;
}
