import {
  type ContactImportField,
  type CustomerImportField,
  contactImportFieldNames,
  customerImportFieldNames,
  type ImportEntity,
} from '@berth/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { importEntityUi } from './import-entities';

/** Where each import column's name lives: the customer form's labels, and a few import-only ones. */
const labelKeys = {
  code: 'imports.fields.code',
  createdAt: 'imports.fields.createdAt',
  primaryContact: 'imports.fields.primaryContact',
  lastFollowUpAt: 'imports.fields.lastFollowUpAt',
  nextFollowUpAt: 'imports.fields.nextFollowUpAt',
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
  hsChapters: 'customers.fields.hsChapters',
  specialCargo: 'customers.fields.specialCargo',
  invoiceTitle: 'customers.fields.invoiceTitle',
  taxNumber: 'customers.fields.taxNumber',
  billingAddress: 'customers.fields.billingAddress',
  settlementType: 'customers.fields.settlementType',
  paymentTermsDays: 'customers.fields.paymentTermsDays',
  creditLimit: 'customers.fields.creditLimit',
  creditCurrency: 'imports.fields.creditCurrency',
  tags: 'customers.fields.tags',
} as const satisfies Record<CustomerImportField, string>;

/** Contact columns: the contact form's labels, and the three ways a row names its customer. */
const contactLabelKeys = {
  customerCode: 'imports.fields.customerCode',
  customerCreditCode: 'imports.fields.customerCreditCode',
  customerName: 'imports.fields.customerName',
  name: 'contacts.name',
  title: 'contacts.jobTitle',
  phones: 'contacts.phones',
  emails: 'contacts.emails',
  wechat: 'contacts.wechat',
  birthday: 'contacts.birthday',
  isPrimary: 'contacts.isPrimary',
  preferredChannel: 'contacts.preferredChannel',
  marketingConsent: 'contacts.marketingConsent',
} as const satisfies Record<ContactImportField, string>;

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

function isContactField(value: string): value is ContactImportField {
  return (contactImportFieldNames as readonly string[]).includes(value);
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

/**
 * Names of import columns and of error fields in the UI language, for the entity imported; unknown
 * names are shown as they are. A contact error path names the column first (`phones.1` → phones;
 * `customer` → the customer columns).
 */
export function useImportFieldLabels(entity: ImportEntity = 'customers') {
  const { t } = useTranslation();
  const field = useCallback(
    (name: string): string => {
      const registered = importEntityUi[entity].fieldLabelKey(name);
      if (registered) return t(registered as never);
      if (entity === 'contacts') return isContactField(name) ? t(contactLabelKeys[name]) : name;
      if (entity !== 'customers') return name;
      return isImportField(name) ? t(labelKeys[name]) : name;
    },
    [t, entity],
  );
  const errorField = useCallback(
    (path: string): string => {
      // The server names a registered entity's errors by column.
      const registered = importEntityUi[entity].fieldLabelKey(path);
      if (registered) return t(registered as never);
      if (entity === 'contacts') {
        const [first = ''] = path.split('.');
        if (first === 'customer') return t('imports.fields.customer');
        return isContactField(first) ? t(contactLabelKeys[first]) : path;
      }
      if (entity !== 'customers') return path;
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
    [t, entity],
  );
  return useMemo(() => ({ field, errorField }), [field, errorField]);
}
