import { z } from 'zod';
import { shipmentFiltersSchema } from '../shipments/shipment-view-filters';
import { customerFiltersSchema } from './segment-schemas';

/** Lists that can have saved views; each names the filter shape its views store. */
export const savedViewResources = ['customers', 'shipments'] as const;
export type SavedViewResource = (typeof savedViewResources)[number];

const columnKey = z.string().trim().min(1).max(50);
const sort = z.string().trim().max(50).nullable().optional();
const columns = z.array(columnKey).max(50).nullable().optional();

/** What a saved view of the customer list restores: its filters, sort and visible columns. */
export const customerViewStateSchema = z.object({
  filters: customerFiltersSchema.default({}),
  sort,
  columns,
});
export type CustomerViewState = z.infer<typeof customerViewStateSchema>;
/** The customer list's view state (the name it had when customers were the only list with views). */
export const savedViewStateSchema = customerViewStateSchema;

/** What a saved view of the shipment list restores: its filters (the list has no sort choice yet: null). */
export const shipmentViewStateSchema = z.object({
  filters: shipmentFiltersSchema.default({}),
  sort,
  columns,
});
export type ShipmentViewState = z.infer<typeof shipmentViewStateSchema>;

/** The state schema of each resource: a view's state is always checked against its own list's. */
export const savedViewStateSchemas = {
  customers: customerViewStateSchema,
  shipments: shipmentViewStateSchema,
} as const satisfies Record<SavedViewResource, z.ZodType>;
export type SavedViewStateOf<R extends SavedViewResource> = z.infer<(typeof savedViewStateSchemas)[R]>;
export type SavedViewState = SavedViewStateOf<SavedViewResource>;

export const savedViewNameSchema = z.string().trim().min(1).max(100);

const createFields = { name: savedViewNameSchema, shared: z.boolean().default(false) };

/** The state's shape follows `resource`. */
export const createSavedViewInputSchema = z.discriminatedUnion('resource', [
  z.object({ resource: z.literal('customers'), ...createFields, state: customerViewStateSchema }),
  z.object({ resource: z.literal('shipments'), ...createFields, state: shipmentViewStateSchema }),
]);
export type CreateSavedViewInput = z.infer<typeof createSavedViewInputSchema>;

/**
 * A changed state must fit the view's own resource, which the body does not name: the body takes
 * either shape without dropping keys (customer filters pass unknown keys through here), and the
 * server checks it against the view's resource, answering 422 on a mismatch.
 */
const anyViewStateSchema = z.union([
  shipmentViewStateSchema,
  customerViewStateSchema.extend({ filters: customerFiltersSchema.loose().default({}) }),
]);

export const updateSavedViewInputSchema = z
  .object({
    name: savedViewNameSchema,
    shared: z.boolean(),
    state: anyViewStateSchema.describe("The view's state, in the shape of the view's resource (see POST)"),
  })
  .partial()
  .strict();
export type UpdateSavedViewInput = z.infer<typeof updateSavedViewInputSchema>;

/** A view as listed; the fields keep the order the customer views always answered with. */
const viewOf = <R extends SavedViewResource, S extends z.ZodType>(resource: R, state: S) =>
  z.object({
    id: z.uuid(),
    resource: z.literal(resource),
    name: z.string(),
    shared: z.boolean(),
    ownerId: z.uuid(),
    /** Whether the caller owns it (only the owner renames, shares or deletes a view). */
    mine: z.boolean(),
    state,
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  });

export const savedViewSchema = z.discriminatedUnion('resource', [
  viewOf('customers', customerViewStateSchema),
  viewOf('shipments', shipmentViewStateSchema),
]);
export type SavedView = z.infer<typeof savedViewSchema>;
export type SavedViewOf<R extends SavedViewResource> = Extract<SavedView, { resource: R }>;

export const savedViewListQuerySchema = z.object({ resource: z.enum(savedViewResources) });
