import { endpoints, type HttpMethod } from '@berth/domain';
import type { z } from 'zod';
import { ApiError, apiErrorFromResponse, networkErrorCode } from '../api-error';
import { currentLocale } from '../i18n';

/**
 * The console's HTTP transport under `call` (call.ts): JSON and multipart bodies, Accept-Language, the CSRF
 * token on writes (fetched again once when the server refused it), If-Match from a version, problem+json
 * answers as ApiError, and the way to the login page when the session is gone.
 */
type Method = HttpMethod;
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: Method;
  query?: QueryParams;
  /** JSON body, or a `FormData` for multipart uploads (the browser then sets the Content-Type and boundary). */
  body?: unknown;
  /** Version of the record being changed; sent as `If-Match: "<version>"`. */
  version?: number;
  signal?: AbortSignal;
  /** When false, a 401 answer does not send the user to the login page (login and session probes). */
  redirectOn401?: boolean;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token from login, setup or GET /api/me; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when the session is gone (401 on an ordinary request). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Codes answered with 401 that mean "wrong input", not "signed out". */
const credentialCodes = new Set(['auth.invalid_credentials', 'auth.wrong_password']);

/** The address of an API path with its query; empty values are left out. Also for plain downloads (`<a href>`). */
export function apiUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isFormData(body: unknown): body is FormData {
  return typeof FormData !== 'undefined' && body instanceof FormData;
}

function encodeBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  return isFormData(body) ? body : JSON.stringify(body);
}

function buildHeaders(method: Method, options: RequestOptions): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLocale() });
  if (options.body !== undefined && !isFormData(options.body)) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  if (options.version !== undefined) headers.set('If-Match', `"${options.version}"`);
  return headers;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function send(path: string, method: Method, options: RequestOptions): Promise<Response> {
  try {
    return await fetch(apiUrl(path, options.query), {
      method,
      headers: buildHeaders(method, options),
      body: encodeBody(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: networkErrorCode });
  }
}

/** Fetches a fresh CSRF token after the server rejected the one we had (e.g. after a restart). */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send(endpoints.me.get.path, 'GET', {});
  if (!response.ok) return false;
  const body = (await readBody(response)) as { csrfToken?: unknown } | undefined;
  if (typeof body?.csrfToken !== 'string') return false;
  csrfToken = body.csrfToken;
  return true;
}

/** Sends a request and reads its answer: JSON, text, or undefined for none; throws ApiError for a problem. */
export async function execute(path: string, options: RequestOptions): Promise<unknown> {
  const method = options.method ?? 'GET';
  let response = await send(path, method, options);
  let body = await readBody(response);
  if (response.status === 403 && method !== 'GET' && isCsrfProblem(body) && (await refreshCsrfToken())) {
    response = await send(path, method, options);
    body = await readBody(response);
  }
  if (response.ok) return body;
  const error = apiErrorFromResponse(response.status, response.statusText, body);
  if (error.status === 401 && options.redirectOn401 !== false && !credentialCodes.has(error.code)) {
    onUnauthorized?.();
  }
  throw error;
}

function isCsrfProblem(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { code?: unknown }).code === 'auth.csrf_invalid';
}

/** The answer as the schema reads it; an answer that does not match is logged and passed on as it came. */
export function checked<S extends z.ZodType>(schema: S, path: string, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // The answer does not match the shared contract: keep the page usable, but make the drift visible.
  console.warn(`Response of ${path} does not match the contract`, result.error.issues);
  return data as z.output<S>;
}
