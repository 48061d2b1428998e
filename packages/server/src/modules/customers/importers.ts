import { importCatalog } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { Importer } from '../../platform/module';
import { importContactBatch } from './import-contacts';
import { customerImportLookups, importCustomerBatch, readCustomerRow } from './import-customers';

/** Customer files: users (owners) and tags are looked up once for the whole file. */
export const customerImporter: Importer = {
  entity: 'customers',
  resource: 'customers',
  columns: importCatalog.customers,
  grownTables: sql`customers, customer_lanes, customer_tags`,
  // Problems are reported by the writer, with the owner and tag checks of the same row.
  readRow: (values, _options, ctx) => ({ value: readCustomerRow(values, ctx.locale), problems: [] }),
  prepare: async (ctx, policy) => {
    const lookups = await customerImportLookups(ctx);
    return (tx, rows) => importCustomerBatch(tx, rows, policy, lookups);
  },
};

/** Contact files: each row names its customer by code, credit code or name. */
export const contactImporter: Importer = {
  entity: 'contacts',
  resource: 'contacts',
  columns: importCatalog.contacts,
  grownTables: sql`contacts`,
  prepare: async (_ctx, policy) => (tx, rows) => importContactBatch(tx, rows, policy),
};
