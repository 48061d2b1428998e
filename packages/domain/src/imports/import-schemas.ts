import { z } from 'zod';
import {
  contactCustomerReferenceFields,
  contactImportFieldNames,
  contactImportFields,
  suggestContactMapping,
} from '../customers/contact-import-fields';
import {
  customerColumnHeaders,
  customerImportFieldNames,
  customerImportFields,
  suggestCustomerMapping,
} from '../customers/customer-import-fields';
import {
  exchangeRateImportFieldNames,
  exchangeRateImportFields,
  suggestExchangeRateMapping,
} from '../money/exchange-rate-import-fields';
import type { LocalizedText } from '../platform/labels';
import type { Locale } from '../platform/locale';
import {
  shipmentImportFieldNames,
  shipmentImportFields,
  shipmentReferenceFields,
  shipmentRepeatableFields,
  suggestShipmentMapping,
} from '../shipments/shipment-import-fields';

export * from './error-messages';
export * from './import-values';

export type MissingImportColumn =
  | 'import.mapping_needs_name'
  | 'import.mapping_needs_customer'
  | 'import.mapping_needs_reference'
  | 'import.mapping_needs_mode'
  | 'import.mapping_needs_rate';

/** What the console and the server both know of an importable entity: its fields, their labels and the mapping's needs. */
export interface ImportEntityCatalog {
  /** Field → its zh-CN and en labels (a file headed with any of them maps itself; see importColumnHeader). */
  labels: Readonly<Record<string, readonly string[]>>;
  fields: readonly string[];
  /** Headers matched to the fields by name or label. */
  suggest: (headers: string[]) => Record<string, string>;
  /** Columns a mapping must cover: at least one field of each group, or the group's error. */
  required: readonly { anyOf: readonly string[]; missing: MissingImportColumn }[];
  /** Fields several columns may map to (箱号1, 箱号2…); their cells are joined with "; " into one. */
  repeatable?: readonly string[];
  /** Column headers per language where the entity has an export that writes them (else made from the labels). */
  headers?: Readonly<Record<string, LocalizedText>>;
}

/**
 * The importable entities, the domain half of the registry: a module that imports files adds its entry here
 * (its fields with their zh-CN and en header aliases, the mapping suggestion, the required columns) and its
 * importer (row reading, validation, batch writer) to its server manifest; the console's wizard adds its help.
 */
export const importCatalog = {
  customers: {
    labels: customerImportFields,
    fields: customerImportFieldNames,
    headers: customerColumnHeaders,
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
  shipments: {
    labels: shipmentImportFields,
    fields: shipmentImportFieldNames,
    suggest: suggestShipmentMapping,
    required: [
      { anyOf: shipmentReferenceFields, missing: 'import.mapping_needs_reference' },
      { anyOf: ['mode'], missing: 'import.mapping_needs_mode' },
    ],
    repeatable: shipmentRepeatableFields,
  },
  'exchange-rates': {
    labels: exchangeRateImportFields,
    fields: exchangeRateImportFieldNames,
    suggest: suggestExchangeRateMapping,
    required: [
      { anyOf: ['base'], missing: 'import.mapping_needs_rate' },
      { anyOf: ['quote'], missing: 'import.mapping_needs_rate' },
      { anyOf: ['rate'], missing: 'import.mapping_needs_rate' },
      { anyOf: ['date'], missing: 'import.mapping_needs_rate' },
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

/** Whether several columns of a file may map to this field (their cells are read as one list). */
export function isRepeatableImportField(entity: ImportEntity, field: string): boolean {
  return (catalogOf(entity).repeatable ?? []).includes(field);
}

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/**
 * A field's column header in `locale`: the one the entity's export writes, else its first label in that language
 * (English capitalised), else its name. Every such header maps back to its field by itself.
 */
export function importColumnHeader(entity: ImportEntity, field: string, locale: Locale): string {
  const { labels, headers } = catalogOf(entity);
  const fixed = headers?.[field]?.[locale];
  if (fixed) return fixed;
  const label = (labels[field] ?? []).find((text) => hasHan(text) === (locale === 'zh-CN'));
  if (!label) return field;
  return locale === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** The header row of an import template in `locale`, which the import maps back by itself. */
export function importTemplateHeaders(entity: ImportEntity, locale: Locale = 'zh-CN'): string[] {
  return catalogOf(entity).fields.map((field) => importColumnHeader(entity, field, locale));
}
