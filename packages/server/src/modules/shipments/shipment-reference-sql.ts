import { type SQL, sql } from 'drizzle-orm';

/**
 * The shipment's reference in SQL, on the shipments row under `alias`: the domain's `shipmentReference`
 * (master B/L, house B/L, booking number, the source's id), for queries that return it for many rows at once.
 */
export function shipmentReferenceSql(alias: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return sql.raw(`coalesce(${alias}.master_bl, ${alias}.house_bl, ${alias}.booking_number, ${alias}.external_id)`);
}
