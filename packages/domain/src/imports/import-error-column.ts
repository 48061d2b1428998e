import type { Locale } from '../platform/locale';
import { type ImportEntity, importColumnHeader, importFieldNamesOf } from './import-schemas';

/**
 * The import column an error path belongs to: the field itself, or the column of a customer's nested field
 * (`tradeProfile.lanes.0.pol` → lanes, `billing.creditLimit.currency` → creditCurrency, `ownerId` → owner), or a
 * list's column (`phones.1` → phones). Undefined when no column holds it (a contact's `customer`: three columns).
 */
export function importFieldOfErrorPath(entity: ImportEntity, path: string): string | undefined {
  const fields = importFieldNamesOf(entity);
  if (fields.includes(path)) return path;
  const [first = '', second = '', third] = path.split('.');
  let field = first;
  if (entity === 'customers') {
    if (first === 'tradeProfile') field = second;
    else if (first === 'billing') field = second === 'creditLimit' && third === 'currency' ? 'creditCurrency' : second;
    else if (first === 'ownerId') field = 'owner';
    else if (first === 'tagIds') field = 'tags';
  }
  return fields.includes(field) ? field : undefined;
}

/**
 * What an error report calls the column of an error: the header the user's file had for it (the import's mapping,
 * header → field), else the column's header in `locale`; the path itself when no column holds it.
 */
export function importErrorColumn(
  entity: ImportEntity,
  path: string,
  mapping: Readonly<Record<string, string>>,
  locale: Locale,
): string {
  const field = importFieldOfErrorPath(entity, path);
  if (!field) return path;
  const header = Object.entries(mapping).find(([, mapped]) => mapped === field)?.[0];
  return header ?? importColumnHeader(entity, field, locale);
}
