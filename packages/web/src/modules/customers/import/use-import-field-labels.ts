import { type CustomerImportField, customerImportFieldNames } from '@berth/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Where each import column's name lives: the customer form's labels, and a few import-only ones. */
const labelKeys = {
  name: 'customers.fields.name',
  nameEn: 'customers.fields.nameEn',
  creditCode: 'customers.fields.creditCode',
  country: 'customers.fields.country',
  address: 'customers.fields.address',
  website: 'customers.fields.website',
  phone: 'customers.fields.phone',
  email: 'customers.fields.email',
  industry: 'customers.fields.industry',
  employees: 'customers.fields.employees',
  status: 'customers.fields.status',
  relationshipType: 'customers.fields.relationshipType',
  roles: 'customers.fields.roles',
  owner: 'imports.fields.owner',
  lanes: 'imports.fields.lanes',
  commodities: 'customers.fields.commodities',
  invoiceTitle: 'customers.fields.invoiceTitle',
  taxNumber: 'customers.fields.taxNumber',
  billingAddress: 'customers.fields.billingAddress',
  settlementType: 'customers.fields.settlementType',
  paymentTermsDays: 'customers.fields.paymentTermsDays',
  creditLimit: 'customers.fields.creditLimit',
  creditCurrency: 'imports.fields.creditCurrency',
  tags: 'customers.fields.tags',
} as const satisfies Record<CustomerImportField, string>;

/** Parts of a lane, as the lane editor names them. */
const lanePartKeys = {
  pol: 'customers.fields.pol',
  pod: 'customers.fields.pod',
  mode: 'customers.fields.mode',
  volume: 'customers.fields.volume',
  volumeUnit: 'customers.fields.volumeUnit',
} as const;

function isLanePart(value: string | undefined): value is keyof typeof lanePartKeys {
  return value !== undefined && Object.hasOwn(lanePartKeys, value);
}

function isImportField(value: string): value is CustomerImportField {
  return (customerImportFieldNames as readonly string[]).includes(value);
}

/**
 * The import column an error path of the customer API belongs to: `tradeProfile.lanes.0.pol` → lanes,
 * `billing.creditLimit.currency` → creditCurrency, `roles.1` → roles. Undefined when there is none.
 */
export function importFieldOfPath(path: string): CustomerImportField | undefined {
  const [first = '', second = '', third] = path.split('.');
  let field = first;
  if (first === 'tradeProfile') field = second;
  else if (first === 'billing') field = second === 'creditLimit' && third === 'currency' ? 'creditCurrency' : second;
  else if (first === 'ownerId') field = 'owner';
  else if (first === 'tagIds') field = 'tags';
  return isImportField(field) ? field : undefined;
}

/** Names of import columns and of error fields in the UI language; unknown names are shown as they are. */
export function useImportFieldLabels() {
  const { t } = useTranslation();
  const field = useCallback((name: string): string => (isImportField(name) ? t(labelKeys[name]) : name), [t]);
  const errorField = useCallback(
    (path: string): string => {
      const known = importFieldOfPath(path);
      if (!known) return path;
      // One cell holds several lanes: say which one and which part is wrong (tradeProfile.lanes.1.pod).
      const [, , index, part] = path.split('.');
      if (known === 'lanes' && index !== undefined && /^\d+$/.test(index) && isLanePart(part)) {
        return t('imports.laneError', {
          field: t(labelKeys.lanes),
          index: Number(index) + 1,
          part: t(lanePartKeys[part]),
        });
      }
      return t(labelKeys[known]);
    },
    [t],
  );
  return useMemo(() => ({ field, errorField }), [field, errorField]);
}
