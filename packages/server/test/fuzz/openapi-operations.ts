import type { JsonSchema } from './schema-arbitraries';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `POST /api/customers/{id}/notes` */
  key: string;
  method: Method;
  path: string;
  parameters: Parameter[];
  /** The JSON request body, when the operation takes one. */
  body?: JsonSchema;
  bodyRequired: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const upper = method.toUpperCase() as Method;
      return {
        key: `${upper} ${path}`,
        method: upper,
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content['application/json']?.schema,
        bodyRequired: op.requestBody?.required ?? false,
      };
    }),
  );
}

/** The record type a path's `{id}` names: `/api/customers/{id}/notes` → `customers`. */
export function resourceOfPath(path: string): string {
  if (path.startsWith('/api/me/sessions/')) return 'sessions';
  return path.split('/')[2] ?? '';
}
