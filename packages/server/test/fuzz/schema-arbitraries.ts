import fc from 'fast-check';

/** The subset of JSON Schema (draft 2020-12, as the OpenAPI 3.1 document writes it) that the API uses. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

/**
 * Realistic values for a slot by its property name (ids of records that exist, country codes,
 * strong passwords): without them almost every generated write would be refused for a reason
 * the JSON schema cannot express, and the handlers behind validation would never run.
 */
export type PropertyHints = (name: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

const longestGeneratedString = 40;
const longestGeneratedArray = 3;

const sampleTexts = [
  '上海远洋国际货运有限公司',
  'Hanseatic Freight GmbH',
  'Ningbo Blue Sea Logistics',
  '深圳市前海供应链管理有限公司',
  'O’Brien & Sons Shipping',
  'Müller Spedition',
  '東京ロジスティクス株式会社',
];

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? longestGeneratedString, longestGeneratedString));
  const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => fits(s) && s.length <= 200);
  }
  // A filter that can never pass makes fast-check retry forever: sample texts that do not fit
  // (all of them, for a three-letter currency code) are left out, not filtered out.
  const fittingTexts = sampleTexts.filter(fits);
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).filter(fits) },
    ...(fittingTexts.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...fittingTexts) }] : []),
  );
}

function formattedStringArb(schema: JsonSchema): fc.Arbitrary<string> | undefined {
  const dates = fc.date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    // The format allows years a database may not: year 0, 9999, offsets far from UTC.
    case 'date-time':
      return fc.oneof(
        { weight: 5, arbitrary: dates.map((d) => d.toISOString()) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '0000-01-01T00:00:00Z',
            '9999-12-31T23:59:59.999999Z',
            '2024-02-29T23:30:00-23:59',
          ),
        },
      );
    case 'date':
      return fc.oneof(
        { weight: 5, arbitrary: dates.map((d) => d.toISOString().slice(0, 10)) },
        { weight: 1, arbitrary: fc.constantFrom('0000-01-01', '9999-12-31', '1900-02-28') },
      );
    default:
      return undefined;
  }
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? -1_000_000, -1e12);
  const max = Math.min(schema.maximum ?? 1_000_000, 1e12);
  if (integer) {
    const small = fc.integer({ min: Math.ceil(min), max: Math.min(Math.ceil(min) + 100, Math.floor(max)) });
    return fc.oneof(small, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return ['any'];
}

/** An arbitrary of values the schema accepts; `name` is the property the value goes into. */
export function validValue(schema: JsonSchema, hints: PropertyHints, name = ''): fc.Arbitrary<unknown> {
  const hinted = name ? hints(name, schema) : undefined;
  if (hinted) return hinted;
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => validValue(branch, hints, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, hints, name)));
  switch (types[0]) {
    case 'string':
      return formattedStringArb(schema) ?? stringArb(schema);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = validValue(schema.items ?? {}, hints, singular(name));
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? longestGeneratedArray, longestGeneratedArray));
      return fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectArb(schema, hints);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(schema: JsonSchema, hints: PropertyHints): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const record = fc.record(
    Object.fromEntries(keys.map((key) => [key, validValue(properties[key] as JsonSchema, hints, key)])),
    { requiredKeys: (schema.required ?? []).filter((key) => keys.includes(key)) },
  );
  if (typeof schema.additionalProperties !== 'object') return record;
  const extra = fc.dictionary(
    validValue(schema.propertyNames ?? { type: 'string', maxLength: 20 }, hints).map(String),
    validValue(schema.additionalProperties, hints),
    { maxKeys: 3 },
  );
  return fc.tuple(record, extra).map(([known, more]) => ({ ...more, ...known }));
}

/** `customerIds` holds `customerId`s: hints for the items of an array use the singular name. */
function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}
