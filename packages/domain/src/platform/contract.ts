import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation of the API, declared once. The server registers its route from it (method, path, validation,
 * its entry in the API document) and adds the access rule and the handler; the console calls it through it,
 * so the path, the parameters, the body and the answer's type are the server's own.
 */
export interface Endpoint {
  method: HttpMethod;
  /** The route, `:name` for each path parameter: `/api/customers/:id`. */
  path: string;
  /** Where the API document groups the operation, and one line on what it does. */
  tags: readonly string[];
  summary: string;
  description?: string;
  /** Path parameters, one property per `:name` of the path. */
  params?: z.ZodType;
  query?: z.ZodType;
  /** The JSON body. */
  body?: z.ZodType;
  /** The body is multipart/form-data (a file and text fields), read by the handler as it arrives. */
  multipart?: true;
  /** The JSON answer. Without one, a write answers 204 No Content and a read sends a file (CSV, xlsx, iCalendar). */
  response?: z.ZodType;
  /** The status of a successful answer with `response`: 200 unless told (201 created, 202 accepted). */
  status?: 200 | 201 | 202;
  /** The API document derives it from the path and the method (docs/api.md); name it only to override that. */
  operationId?: string;
}

/** Checks an endpoint against the contract and keeps its literal type (method, path, schemas). */
export function defineEndpoint<const E extends Endpoint>(endpoint: E): E {
  return endpoint;
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a client sends: path parameters, query, body (as the schemas accept them). */
export type EndpointParams<E extends Endpoint> = InputOf<E['params']>;
export type EndpointQuery<E extends Endpoint> = InputOf<E['query']>;
export type EndpointBody<E extends Endpoint> = InputOf<E['body']>;
/** What the server answers, `void` for 204 No Content and files. */
// biome-ignore lint/suspicious/noConfusingVoidType: it is what a handler that answers nothing returns
export type EndpointResponse<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : void;

/** What the server's handler receives, after validation. */
export type ParsedParams<E extends Endpoint> = OutputOf<E['params']>;
export type ParsedQuery<E extends Endpoint> = OutputOf<E['query']>;
export type ParsedBody<E extends Endpoint> = OutputOf<E['body']>;

/** The path parameter of a record's own address, `/api/customers/:id`. */
export const idParamSchema = z.object({ id: z.uuid() });

/** The names of the path's parameters: `/api/customers/:id/notes` → `['id']`, `/api/calendar/:token.ics` → `['token']`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] as string);
}
