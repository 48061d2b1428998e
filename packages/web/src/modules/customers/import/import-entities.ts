import type { ImportEntity, Resource } from '@berth/domain';

/**
 * The console's half of the import registry (the domain's `importCatalog` holds the fields and their header
 * aliases, the server's manifests the importers): per entity, the right that offers it, the help lines of
 * its file format, where its column labels live, the options the wizard asks for, and where its records are.
 * A new importable entity is an entry here and its texts under `imports.*`; the wizard names no entity.
 */
export interface ImportEntityUi {
  /** The right that offers the entity, as the server's importer requires it. */
  permission: readonly [Resource, 'create' | 'update'];
  /** The right the "update existing" policy needs; null when the entity has no such choice. */
  updatePermission: readonly [Resource, 'update'] | null;
  /** Keys of the help's lines (after the common line on encodings); a line may show an example in code. */
  help: readonly { key: string; example?: string }[];
  /** The i18n key of a field's label, or undefined when the field is unknown. */
  fieldLabelKey: (field: string) => string | undefined;
  /** The wizard asks for the source system of the file (shipments). */
  asksSource?: boolean;
  /** Where the imported records are listed; null when the console has no list of them. */
  listPath: string | null;
}

const keyIn =
  (prefix: string, fields: readonly string[]) =>
  (field: string): string | undefined =>
    fields.includes(field) ? `${prefix}.${field}` : undefined;

/** Shipment and exchange rate columns have labels of their own under `imports.shipmentFields` / `imports.rateFields`. */
export const shipmentLabelFields = [
  'externalId',
  'source',
  'mode',
  'status',
  'bookingNumber',
  'masterBl',
  'houseBl',
  'containers',
  'customerCode',
  'customerCreditCode',
  'customerName',
  'shipper',
  'consignee',
  'notifyParty',
  'overseasAgent',
  'carrierParty',
  'carrier',
  'vessel',
  'voyage',
  'flightNumber',
  'pol',
  'pod',
  'placeOfReceipt',
  'placeOfDelivery',
  'etd',
  'eta',
  'atd',
  'ata',
  'packages',
  'grossWeightKg',
  'volumeCbm',
  'chargeableWeightKg',
  'commodity',
  'hsCode',
  'incoterm',
  'revenueAmount',
  'revenueCurrency',
  'costAmount',
  'costCurrency',
  'onTime',
  'damaged',
  'lost',
] as const;
export const rateLabelFields = ['base', 'quote', 'rate', 'date'] as const;

/** Customers and contacts keep their labels in use-import-field-labels.ts (the forms' own). */
export const importEntityUi: Record<ImportEntity, ImportEntityUi> = {
  customers: {
    permission: ['customers', 'create'],
    updatePermission: ['customers', 'update'],
    help: [
      { key: 'imports.help.header' },
      { key: 'imports.help.lanes', example: 'imports.help.laneExample' },
      { key: 'imports.help.lists' },
      { key: 'imports.help.owner' },
    ],
    fieldLabelKey: () => undefined,
    listPath: '/customers',
  },
  contacts: {
    permission: ['contacts', 'create'],
    updatePermission: ['contacts', 'update'],
    help: [
      { key: 'imports.help.contactHeader' },
      { key: 'imports.help.contactCustomer' },
      { key: 'imports.help.contactCells' },
    ],
    fieldLabelKey: () => undefined,
    listPath: '/customers',
  },
  shipments: {
    permission: ['shipments', 'create'],
    updatePermission: null,
    help: [
      { key: 'imports.help.shipmentHeader' },
      { key: 'imports.help.shipmentContainers', example: 'imports.help.shipmentContainerExample' },
      { key: 'imports.help.shipmentParties' },
      { key: 'imports.help.shipmentValues' },
      { key: 'imports.help.shipmentKey' },
    ],
    fieldLabelKey: keyIn('imports.shipmentFields', shipmentLabelFields),
    asksSource: true,
    listPath: '/shipments',
  },
  'exchange-rates': {
    permission: ['exchangeRates', 'update'],
    updatePermission: ['exchangeRates', 'update'],
    help: [{ key: 'imports.help.rateHeader' }, { key: 'imports.help.rateValues' }],
    fieldLabelKey: keyIn('imports.rateFields', rateLabelFields),
    listPath: null,
  },
};
