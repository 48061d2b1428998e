import { z } from 'zod';

/**
 * The kinds of records the global search finds. A server module registers a search provider for each kind it
 * answers for (its manifest's `searchProviders`); the console links each kind to its record page.
 */
export const searchKinds = ['customer', 'contact', 'opportunity', 'shipment'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('What to look for: a name, code, pinyin, phone, B/L or container number'),
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('At most this many records of each kind'),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.uuid(),
  /** The record's name as its list shows it (a customer's name, an opportunity's title, a B/L number). */
  title: z.string(),
  /** A line that tells records of the same name apart (code, customer, lane); never a guarded field. */
  subtitle: z.string().nullable(),
  /** The customer the record belongs to (the customer itself for a customer), if the caller may know it. */
  customerId: z.uuid().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchGroupSchema = z.object({
  kind: z.enum(searchKinds),
  items: z.array(searchHitSchema),
  /** There are more matches of this kind than `limit`: the kind's own list finds them all. */
  more: z.boolean(),
});

export const searchResultSchema = z.object({
  /** One group per kind the caller may read, in a fixed order (customers, contacts, opportunities, shipments). */
  groups: z.array(searchGroupSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
