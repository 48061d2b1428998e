import { z } from 'zod';
import {
  contactImportFieldNames,
  contactImportFields,
  suggestContactMapping,
} from '../customers/contact-import-fields';
import {
  customerImportFieldNames,
  customerImportFields,
  suggestCustomerMapping,
} from '../customers/customer-import-fields';

export * from './import-error-messages';
export * from './import-values';

export const importEntities = ['customers', 'contacts'] as const;
export type ImportEntity = (typeof importEntities)[number];
export const importPolicies = ['skip', 'update', 'create'] as const;

export const importSchema = z.object({
  id: z.uuid(),
  entity: z.enum(importEntities),
  policy: z.enum(importPolicies),
  fileName: z.string(),
  encoding: z.string().nullable(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  total: z.number().int().nullable(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  message: z.string().nullable(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof importSchema>;

export const importPreviewSchema = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.string()),
  fields: z.array(z.string()),
});

/** The fields a file of this entity can be mapped to. */
export function importFieldNamesOf(entity: ImportEntity): readonly string[] {
  return entity === 'contacts' ? contactImportFieldNames : customerImportFieldNames;
}

/** Headers matched to the entity's fields by name or zh-CN/en label. */
export function suggestImportMapping(entity: ImportEntity, headers: string[]): Record<string, string> {
  return entity === 'contacts' ? suggestContactMapping(headers) : suggestCustomerMapping(headers);
}

/**
 * What a mapping must cover before an import can start: customers need a name; contacts need a
 * name and a column naming their customer (code, credit code or name). Null when it is complete.
 */
export function missingImportColumn(
  entity: ImportEntity,
  mapping: Record<string, string>,
): 'import.mapping_needs_name' | 'import.mapping_needs_customer' | null {
  const fields = new Set(Object.values(mapping));
  if (!fields.has('name')) return 'import.mapping_needs_name';
  if (entity === 'contacts' && !['customerCode', 'customerCreditCode', 'customerName'].some((f) => fields.has(f)))
    return 'import.mapping_needs_customer';
  return null;
}

/** The header row of an import template: each field's zh-CN label, which the import maps back by itself. */
export function importTemplateHeaders(entity: ImportEntity): string[] {
  const labels: Record<string, readonly string[]> = entity === 'contacts' ? contactImportFields : customerImportFields;
  return importFieldNamesOf(entity).map((field) => labels[field]?.[0] ?? field);
}
