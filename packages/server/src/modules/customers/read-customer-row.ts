import {
  type CreateCustomerInput,
  type CustomerImportField,
  createCustomerInputSchema,
  customerImportRow,
  type FieldError,
  type Locale,
} from '@berth/domain';
import { zodIssueMessage } from '../../platform/http/zod-messages';
import type { ImportOptions, ImportRowReading } from '../../platform/module';
import { type UncodedCustomerKeys, uncodedCustomerKeys } from './customer-search-keys';

/**
 * What one row says before it meets the database: the API's schema applied to its cells and the
 * derived keys of the name (pinyin and all). The costly part of a row, worked out outside the
 * batch's transaction while the batch before it is written.
 */
export interface CustomerRowReading {
  input: CreateCustomerInput | null;
  /** The schema's problems; owner, tag and billing rights are checked with the batch. */
  errors: FieldError[];
  owner: string | null;
  tagNames: string[];
  provided: Set<string>;
  keys: UncodedCustomerKeys | null;
}

export function readCustomerRow(
  values: Partial<Record<CustomerImportField, string>>,
  locale: Locale,
): CustomerRowReading {
  const { input, owner, tags: tagNames } = customerImportRow(values);
  const provided = new Set(Object.keys(values).filter((k) => values[k as CustomerImportField]?.trim()));
  const parsed = createCustomerInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || 'name',
      code: issue.code,
      message: zodIssueMessage(issue, locale),
    }));
    return { input: null, errors, owner, tagNames, provided, keys: null };
  }
  return { input: parsed.data, errors: [], owner, tagNames, provided, keys: uncodedCustomerKeys(parsed.data) };
}

/**
 * The customer importer's row reader. Problems are reported by the writer, with the owner and tag checks of the
 * same row. Kept free of the database and the server's modules, so that a worker thread can load it alone.
 */
export function readImportRow(
  values: Record<string, string>,
  _options: ImportOptions,
  locale: Locale,
): ImportRowReading<CustomerRowReading> {
  return { value: readCustomerRow(values, locale), problems: [] };
}
