import type { imports as zh } from '../zh-CN/imports';

export const imports: typeof zh = {
  imports: {
    titles: {
      customers: 'Import customers',
      contacts: 'Import contacts',
    },
    entityLabel: 'Importing',
    entity: {
      customers: 'Customers',
      contacts: 'Contacts',
    },
    template: 'Download template',
    templateFile: {
      customers: 'customer-import-template.csv',
      contacts: 'contact-import-template.csv',
    },
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
      laneExample: 'CNSHA-USLAX 整箱; CNNGB-DEHAM LCL',
      lists:
        'Separate several customer roles, tags or commodities with commas; tags must already exist under "Customer tags".',
      owner: 'Give the owner as the email a user signs in with; when empty, you become the owner.',
      contactHeader:
        'A row of column headers (title lines above it are passed over), then one contact per row. Columns are matched to fields by their header; you can change that in the next step.',
      contactCustomer:
        'Each row names its customer by customer code, Unified Social Credit Code or exact customer name (Chinese or English); only customers you may add contacts to can be named.',
      contactCells:
        'Separate several phones or emails with commas or semicolons; write birthdays as 1990-05-01, 1990/5/1 or 1990年5月1日, and "Primary contact" and "Marketing consent" as yes/no.',
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
    },
    customerRequired:
      'Map one column to the customer (customer code, credit code or customer name); without it nothing can be imported.',
    previewTitle: 'Preview (first {{count}} rows)',
    noRows: 'The file has no data rows',
    policyTitle: {
      customers: 'When a customer already exists',
      contacts: 'When a contact already exists',
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
    },
    updateNotAllowed: {
      customers: 'You may not change customers',
      contacts: 'You may not change contacts',
    },
    matchHint: {
      customers:
        'A customer already exists when it has the same Unified Social Credit Code, or the same name once normalised (ignoring full/half width, case, traditional/simplified characters, punctuation, spaces and legal forms such as "Co., Ltd."). Repeated rows within the file are matched the same way.',
      contacts:
        'A contact already exists when the same customer has a contact sharing one of its phones or emails, or its name. Repeated rows within the file are matched the same way.',
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
    },
    importAnother: 'Import another file',
    notFound: 'This import does not exist, or you did not start it.',
    fields: {
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
