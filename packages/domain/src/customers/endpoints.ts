import { defineEndpoint, idParamSchema } from '../platform/contract';
import { listQuerySchema, pageOf } from '../platform/pagination';
import {
  bulkTagInputSchema,
  bulkTagResultSchema,
  contactListQuerySchema,
  contactSchema,
  createContactInputSchema,
  createTagInputSchema,
  tagSchema,
  timelineEntrySchema,
  updateContactInputSchema,
  updateTagInputSchema,
} from './contact-schemas';
import {
  createCustomerInputSchema,
  customerCountQuerySchema,
  customerCountSchema,
  customerExportQuerySchema,
  customerListQuerySchema,
  customerSchema,
  duplicateListSchema,
  duplicateQuerySchema,
  mergeCustomerInputSchema,
  updateCustomerInputSchema,
} from './customer-schemas';

const tags = ['Customers'];

export const customerEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/customers',
    tags,
    summary: 'List and search customers, all of them or the members of a segment',
    query: customerListQuerySchema,
    response: pageOf(customerSchema),
  }),
  count: defineEndpoint({
    method: 'GET',
    path: '/api/customers/count',
    tags,
    summary: 'How many customers the list filters select: exact when cheap, else estimated (estimated: true)',
    query: customerCountQuerySchema,
    response: customerCountSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/customers',
    tags,
    summary: 'Create a customer',
    body: createCustomerInputSchema,
    response: customerSchema,
    status: 201,
  }),
  export: defineEndpoint({
    method: 'GET',
    path: '/api/customers/export',
    tags,
    summary: 'Export the filtered customer list (or a segment of it) as CSV (UTF-8 with BOM) or .xlsx',
    query: customerExportQuerySchema,
  }),
  duplicates: defineEndpoint({
    method: 'GET',
    path: '/api/customers/duplicates',
    tags,
    summary:
      'Possible duplicates of a company, with score and reasons; of customers the caller may not read only exact matches, as name and owner',
    query: duplicateQuerySchema,
    response: duplicateListSchema,
  }),
  bulkTags: defineEndpoint({
    method: 'POST',
    path: '/api/customers/bulk-tags',
    tags,
    summary: 'Add and remove tags on selected customers',
    body: bulkTagInputSchema,
    response: bulkTagResultSchema,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/customers/:id',
    tags,
    summary: 'Get a customer',
    params: idParamSchema,
    response: customerSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/customers/:id',
    tags,
    summary: 'Update a customer (If-Match: "<version>")',
    params: idParamSchema,
    body: updateCustomerInputSchema,
    response: customerSchema,
  }),
  merge: defineEndpoint({
    method: 'POST',
    path: '/api/customers/:id/merge',
    tags,
    summary: 'Merge another customer (sourceId) into this one, keeping both histories',
    params: idParamSchema,
    body: mergeCustomerInputSchema,
    response: customerSchema,
  }),
  timeline: defineEndpoint({
    method: 'GET',
    path: '/api/customers/:id/timeline',
    tags,
    summary: 'Everything that happened to the customer, newest first (keyset: cursor → nextCursor)',
    params: idParamSchema,
    query: listQuerySchema,
    response: pageOf(timelineEntrySchema),
  }),
  contacts: defineEndpoint({
    method: 'GET',
    path: '/api/customers/:id/contacts',
    tags,
    summary: "A customer's contacts",
    params: idParamSchema,
    query: contactListQuerySchema.omit({ customerId: true }),
    response: pageOf(contactSchema),
  }),
};

const contactTags = ['Contacts'];

export const contactEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/contacts',
    tags: contactTags,
    summary: 'List and search contacts',
    query: contactListQuerySchema,
    response: pageOf(contactSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/contacts',
    tags: contactTags,
    summary: 'Add a contact to a customer',
    body: createContactInputSchema,
    response: contactSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/contacts/:id',
    tags: contactTags,
    summary: 'Get a contact',
    params: idParamSchema,
    response: contactSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/contacts/:id',
    tags: contactTags,
    summary: 'Update, move or mark a contact as left (If-Match: "<version>")',
    params: idParamSchema,
    body: updateContactInputSchema,
    response: contactSchema,
  }),
};

const tagTags = ['Tags'];

export const tagEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/tags',
    tags: tagTags,
    summary: 'List tags by name (keyset: cursor → nextCursor)',
    query: listQuerySchema,
    response: pageOf(tagSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/tags',
    tags: tagTags,
    summary: 'Create a tag',
    body: createTagInputSchema,
    response: tagSchema,
    status: 201,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/tags/:id',
    tags: tagTags,
    summary: 'Update a tag (If-Match: "<version>")',
    params: idParamSchema,
    body: updateTagInputSchema,
    response: tagSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/tags/:id',
    tags: tagTags,
    summary: 'Delete a tag (removes it from all customers)',
    params: idParamSchema,
  }),
};
