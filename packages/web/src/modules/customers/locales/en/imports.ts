import type { imports as zh } from '../zh-CN/imports';

export const imports: typeof zh = {
  imports: {
    titles: {
      customers: 'Import customers',
      contacts: 'Import contacts',
      shipments: 'Import shipments',
      'exchange-rates': 'Import exchange rates',
    },
    entityLabel: 'Importing',
    entity: {
      customers: 'Customers',
      contacts: 'Contacts',
      shipments: 'Shipments',
      'exchange-rates': 'Exchange rates',
    },
    template: 'Download template',
    steps: {
      upload: 'Upload file',
      mapping: 'Map columns',
      progress: 'Result',
    },
    dropTitle: 'Click or drag a file here',
    dropHint: '.csv, .txt and .xlsx files, one at a time',
    reading: 'Reading the file…',
    wrongType: 'Only .csv, .txt and .xlsx files can be imported; save an .xls workbook as .xlsx first',
    help: {
      title: 'File format',
      formats:
        'CSV and text files may be UTF-8, GBK (what Chinese Excel writes with "Save as CSV") or UTF-16 (Excel\'s "Unicode text"), separated by commas, tabs or semicolons; of an .xlsx file the first sheet with data is read. Save old .xls workbooks as .xlsx first.',
      header:
        'A row of column headers (title lines above it are passed over), then one customer per row. Columns are matched to fields by their header; you can change that in the next step.',
      lanes: 'Write lanes as "POL-POD mode" (UN/LOCODEs), several separated by semicolons, for example:',
      laneExample: 'CNSHA-USLAX FCL; CNNGB-DEHAM LCL',
      lists:
        'Separate several customer roles, tags or commodities with commas; tags must already exist under "Customer tags".',
      owner: 'Give the owner as the email a user signs in with; when empty, you become the owner.',
      contactHeader:
        'A row of column headers (title lines above it are passed over), then one contact per row. Columns are matched to fields by their header; you can change that in the next step.',
      contactCustomer:
        'Each row names its customer by customer code, Unified Social Credit Code or exact customer name (Chinese or English); only customers you may add contacts to can be named.',
      contactCells:
        'Separate several phones or emails with commas or semicolons; write birthdays as 1990-05-01, 1990/5/1 or 1990年5月1日, and "Primary contact" and "Marketing consent" as yes/no.',
      shipmentHeader:
        'A row of column headers (title lines above it are passed over), then one shipment per row. Columns are matched to fields by their header; you can change that in the next step.',
      shipmentContainers:
        'Write containers as "number type", several separated by semicolons, or in repeated columns (Container 1, Container 2…). Numbers are checked against their ISO 6346 check digit, for example:',
      shipmentContainerExample: 'MSKU1234565 40HQ; TGHU1234567 20GP',
      shipmentParties:
        'The booking customer is found by customer code, Unified Social Credit Code or name; shipper, consignee, notify party and agent columns hold a name or credit code. Parties not found wait in the unmatched queue.',
      shipmentValues:
        "Dates may be 2026-12-01, 2026/12/1 14:30, 2026年12月1日 or Excel dates; a date without a time is midnight in the organisation's time zone. Amounts are numbers (thousands commas allowed) with their currency in its own column.",
      shipmentKey:
        'A shipment is known by its source system and reference (the booking or B/L number when there is no reference column): importing again updates it, never duplicates it.',
      rateHeader:
        'A row of column headers, then one rate per row: base currency, quote currency, rate and date (1 base = rate × quote from that day on).',
      rateValues:
        'Currencies as ISO codes (USD, CNY, EUR); the rate as a decimal such as 7.1; dates as 2026-12-01, 2026/12/1 or Excel dates.',
    },
    fileName: 'File',
    encoding: 'Encoding',
    encodingXlsx: 'Excel workbook (.xlsx)',
    chooseAnother: 'Choose another file',
    mappingTitle: 'Column mapping',
    sourceColumn: 'Column in the file',
    sample: 'Sample values',
    targetField: 'Import as',
    skipColumn: 'Skip column',
    emptyHeader: '(column {{index}}, no header)',
    nameRequired: {
      customers: 'Map one column to "Name"; without it nothing can be imported.',
      contacts: 'Map one column to the contact\'s "Name"; without it nothing can be imported.',
      shipments:
        'Map columns to the shipment reference (external id, booking or B/L number) and the mode; without them nothing can be imported.',
      'exchange-rates':
        'Map a column to each of base currency, quote currency, rate and date; without them nothing can be imported.',
    },
    customerRequired:
      'Map one column to the customer (customer code, credit code or customer name); without it nothing can be imported.',
    previewTitle: 'Preview (first {{count}} rows)',
    noRows: 'The file has no data rows',
    policyTitle: {
      customers: 'When a customer already exists',
      contacts: 'When a contact already exists',
      shipments: 'When a shipment already exists',
      'exchange-rates': 'When a rate exists for that day',
    },
    policy: {
      skip: 'Skip existing',
      update: 'Update existing',
      create: 'Create anyway',
    },
    policyHint: {
      customers: {
        skip: 'Existing customers are left as they are; the row counts as skipped.',
        update:
          'The filled-in columns update the existing customer: basic data, owner, roles, commodities, billing and credit; filled-in lanes replace its lanes and filled-in tags are added (none removed). Empty cells clear nothing.',
        create: 'A new customer is created all the same; rows repeating a credit code still fail.',
      },
      contacts: {
        skip: 'Existing contacts are left as they are; the row counts as skipped.',
        update:
          "The filled-in columns update the existing contact, new phones and emails are added to its own; empty cells clear nothing. Making a contact primary clears the customer's previous primary contact.",
        create: 'A new contact is created all the same.',
      },
      shipments: {
        skip: 'Existing shipments are updated from the file as the feed does; unchanged ones count as skipped.',
        update: 'The same.',
        create: 'The same.',
      },
      'exchange-rates': {
        skip: 'Existing rates are kept; the row counts as skipped.',
        update: "The file's rate replaces the one of the same day.",
        create: 'As "update": a pair has one rate a day.',
      },
    },
    updateNotAllowed: {
      customers: 'You may not change customers',
      contacts: 'You may not change contacts',
      shipments: 'You may not change shipments',
      'exchange-rates': 'You may not enter exchange rates',
    },
    matchHint: {
      customers:
        'A customer already exists when it has the same Unified Social Credit Code, or the same name once normalised (ignoring full/half width, case, traditional/simplified characters, punctuation, spaces and legal forms such as "Co., Ltd."). Repeated rows within the file are matched the same way.',
      contacts:
        'A contact already exists when the same customer has a contact sharing one of its phones or emails, or its name. Repeated rows within the file are matched the same way.',
      shipments:
        'A shipment exists when it has the same source system and reference; it is updated as the system feed updates it, and a row whose content did not change counts as skipped. Importing the same file twice creates no duplicates.',
      'exchange-rates': 'A rate exists when the same pair has one for the same day.',
    },
    start: 'Start import',
    back: 'Back',
    status: {
      queued: 'Queued',
      running: 'Importing',
      succeeded: 'Finished',
      failed: 'Failed',
    },
    counting: 'Counting rows…',
    progressText: '{{processed}} of {{total}} rows processed',
    created: 'Created',
    updated: 'Updated',
    skipped: 'Skipped',
    failedRows: 'Failed',
    retrying: 'The import was interrupted and will be retried: {{message}}',
    failedMessage: 'The import failed: {{message}}',
    doneTitle: 'Import finished',
    errorsTitle: 'Errors',
    errorRow: 'Row',
    errorField: 'Field',
    laneError: '{{field}} (#{{index}}, {{part}})',
    errorMessage: 'Problem',
    errorsTruncated: 'Only the first {{count}} are shown here; download the error report for all of them.',
    errorReport: 'Download error report',
    toList: {
      customers: 'Go to customers',
      contacts: 'Go to customers',
      shipments: 'Go to shipments',
      'exchange-rates': 'Go to exchange rates',
    },
    importAnother: 'Import another file',
    notFound: 'This import does not exist, or you did not start it.',
    source: 'Source system',
    sourceHint:
      'The system the file comes from (lower case, e.g. tms); the same source as its feed finds the same shipments. Empty: import.',
    sourceInvalid: 'Use lower-case letters, digits, dots, dashes or underscores, at most 40 characters.',
    shipmentFields: {
      externalId: 'Reference',
      source: 'Source system',
      mode: 'Mode',
      status: 'Status',
      bookingNumber: 'Booking number',
      masterBl: 'Master B/L',
      houseBl: 'House B/L',
      containers: 'Containers (number type)',
      customerCode: 'Customer code',
      customerCreditCode: 'Customer credit code',
      customerName: 'Customer name',
      shipper: 'Shipper',
      consignee: 'Consignee',
      notifyParty: 'Notify party',
      overseasAgent: 'Overseas agent',
      carrierParty: 'Carrier (customer)',
      carrier: 'Carrier',
      vessel: 'Vessel',
      voyage: 'Voyage',
      flightNumber: 'Flight',
      pol: 'POL',
      pod: 'POD',
      placeOfReceipt: 'Place of receipt',
      placeOfDelivery: 'Place of delivery',
      etd: 'ETD',
      eta: 'ETA',
      atd: 'ATD',
      ata: 'ATA',
      packages: 'Packages',
      grossWeightKg: 'Gross weight (kg)',
      volumeCbm: 'Volume (CBM)',
      chargeableWeightKg: 'Chargeable weight (kg)',
      commodity: 'Commodity',
      hsCode: 'HS code',
      incoterm: 'Incoterm',
      revenueAmount: 'Revenue',
      revenueCurrency: 'Revenue currency',
      costAmount: 'Cost',
      costCurrency: 'Cost currency',
      onTime: 'On time',
      damaged: 'Damaged',
      lost: 'Lost',
    },
    rateFields: { base: 'Base currency', quote: 'Quote currency', rate: 'Rate', date: 'Date' },
    fields: {
      code: 'Customer code (not imported)',
      createdAt: 'Created (not imported)',
      primaryContact: 'Primary contact (not imported)',
      lastFollowUpAt: 'Last follow-up (not imported)',
      nextFollowUpAt: 'Next follow-up (not imported)',
      owner: 'Owner (email)',
      lanes: 'Lanes',
      creditCurrency: 'Credit currency',
      customer: 'Customer',
      customerCode: 'Customer code',
      customerCreditCode: 'Customer credit code',
      customerName: 'Customer name',
    },
  },
};
