import { z } from 'zod';

/** A field-level error inside a problem+json body; `field` is the API name, dotted for nesting. */
export const fieldErrorSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, with Berth's stable `code` and per-field `errors`. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** The record now found elsewhere: a customer merged into another answers 404 naming the one it lives on in. */
  movedTo: z.object({ resource: z.string(), id: z.string(), label: z.string() }).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
