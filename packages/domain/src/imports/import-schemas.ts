import { z } from 'zod';
import {
  contactCustomerReferenceFields,
  contactImportFieldNames,
  contactImportFields,
  suggestContactMapping,
} from '../customers/contact-import-fields';
import {
  customerImportFieldNames,
  customerImportFields,
  suggestCustomerMapping,
} from '../customers/customer-import-fields';

export * from './error-messages';
export * from './import-values';

export type MissingImportColumn = 'import.mapping_needs_name' | 'import.mapping_needs_customer';

/** What the console and the server both know of an importable entity: its fields, their labels and the mapping's needs. */
interface ImportEntityCatalog {
  /** Field → its zh-CN and en labels (the first one heads the template's column). */
  labels: Readonly<Record<string, readonly string[]>>;
  fields: readonly string[];
  /** Headers matched to the fields by name or label. */
  suggest: (headers: string[]) => Record<string, string>;
  /** Columns a mapping must cover: at least one field of each group, or the group's error. */
  required: readonly { anyOf: readonly string[]; missing: MissingImportColumn }[];
}

/** The importable entities; a module that imports files adds its entry here and its importer to its manifest. */
export const importCatalog = {
  customers: {
    labels: customerImportFields,
    fields: customerImportFieldNames,
    suggest: suggestCustomerMapping,
    required: [{ anyOf: ['name'], missing: 'import.mapping_needs_name' }],
  },
  contacts: {
    labels: contactImportFields,
    fields: contactImportFieldNames,
    suggest: suggestContactMapping,
    required: [
      { anyOf: ['name'], missing: 'import.mapping_needs_name' },
      { anyOf: contactCustomerReferenceFields, missing: 'import.mapping_needs_customer' },
    ],
  },
} as const satisfies Record<string, ImportEntityCatalog>;

export type ImportEntity = keyof typeof importCatalog;
export const importEntities = Object.keys(importCatalog) as [ImportEntity, ...ImportEntity[]];
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
/** A started import: where to follow its progress. */
export const importStartedSchema = z.object({ id: z.uuid() });
export type ImportRecord = z.infer<typeof importSchema>;

export const importPreviewSchema = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.string()),
  fields: z.array(z.string()),
});

const catalogOf = (entity: ImportEntity): ImportEntityCatalog => importCatalog[entity];

/** The fields a file of this entity can be mapped to. */
export function importFieldNamesOf(entity: ImportEntity): readonly string[] {
  return catalogOf(entity).fields;
}

/** Headers matched to the entity's fields by name or zh-CN/en label. */
export function suggestImportMapping(entity: ImportEntity, headers: string[]): Record<string, string> {
  return catalogOf(entity).suggest(headers);
}

/**
 * What a mapping must cover before an import can start: customers need a name; contacts need a
 * name and a column naming their customer (code, credit code or name). Null when it is complete.
 */
export function missingImportColumn(entity: ImportEntity, mapping: Record<string, string>): MissingImportColumn | null {
  const fields = new Set(Object.values(mapping));
  const unmet = catalogOf(entity).required.find((group) => !group.anyOf.some((f) => fields.has(f)));
  return unmet?.missing ?? null;
}

/** The header row of an import template: each field's zh-CN label, which the import maps back by itself. */
export function importTemplateHeaders(entity: ImportEntity): string[] {
  const { fields, labels } = catalogOf(entity);
  return fields.map((field) => labels[field]?.[0] ?? field);
}
