import type { Endpoint, EndpointBody, EndpointParams, EndpointQuery, EndpointResponse, Page } from '@berth/domain';
import type { z } from 'zod';
import { apiUrl, checked, execute, type QueryParams } from './transport';

type ParamsOption<E extends Endpoint> = E['params'] extends z.ZodType
  ? { params: EndpointParams<E> }
  : { params?: undefined };
/** Whether every property of T may be left out. */
type AllOptional<T> = Partial<T> extends T ? true : false;

type QueryOption<E extends Endpoint> = E['query'] extends z.ZodType
  ? AllOptional<EndpointQuery<E>> extends true
    ? { query?: EndpointQuery<E> }
    : { query: EndpointQuery<E> }
  : { query?: undefined };
type BodyOption<E extends Endpoint> = E['multipart'] extends true
  ? { body: FormData }
  : E['body'] extends z.ZodType
    ? { body: EndpointBody<E> }
    : { body?: undefined };

/** Where an endpoint is: its path parameters and its query. */
export type EndpointAddress<E extends Endpoint> = ParamsOption<E> & QueryOption<E>;

export type CallOptions<E extends Endpoint> = EndpointAddress<E> &
  BodyOption<E> & {
    /** Version of the record being changed; sent as `If-Match: "<version>"`. */
    version?: number;
    signal?: AbortSignal;
    /** When false, a 401 answer does not send the user to the login page (login and session probes). */
    redirectOn401?: boolean;
  };

/** The options may be left out when none of them is required. */
type OptionalWhenEmpty<T> = AllOptional<T> extends true ? [options?: T] : [options: T];

/**
 * Calls an endpoint of the API: the path, the body and the answer's type are the domain's declaration, the
 * answer is checked against its schema. Problems throw ApiError (api-error.ts).
 */
export async function call<E extends Endpoint>(
  endpoint: E,
  ...[options]: OptionalWhenEmpty<CallOptions<E>>
): Promise<EndpointResponse<E>> {
  const { params, query, body, version, signal, redirectOn401 } = (options ?? {}) as CallOptions<Endpoint>;
  const path = endpointPath(endpoint, params);
  const answer = await execute(path, {
    method: endpoint.method,
    query: query as QueryParams | undefined,
    body,
    version,
    signal,
    redirectOn401,
  });
  return (endpoint.response ? checked(endpoint.response, path, answer) : undefined) as EndpointResponse<E>;
}

/** The address of an endpoint with its query, for a plain link or download (`<a href>`). */
export function endpointUrl<E extends Endpoint>(
  endpoint: E,
  ...[address]: OptionalWhenEmpty<EndpointAddress<E>>
): string {
  const { params, query } = (address ?? {}) as EndpointAddress<Endpoint>;
  return apiUrl(endpointPath(endpoint, params), query as QueryParams | undefined);
}

/** `/api/customers/:id` with `{ id }` → `/api/customers/<id, encoded>`. */
export function endpointPath(endpoint: Endpoint, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`${endpoint.method} ${endpoint.path} needs the path parameter ${name}`);
    }
    return encodeURIComponent(String(value));
  });
}

/** An endpoint answering one page of a list (`{ items, nextCursor }`). */
export type PageEndpoint = Endpoint & { response: z.ZodType<Page<unknown>> };
/** The items of a list endpoint's pages. */
export type ItemOf<E extends Endpoint> = EndpointResponse<E> extends Page<infer T> ? T : never;
