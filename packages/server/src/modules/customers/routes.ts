import {
  bulkTagInputSchema,
  bulkTagResultSchema,
  businessTimeZone,
  contactListQuerySchema,
  contactSchema,
  createContactInputSchema,
  createCustomerInputSchema,
  createTagInputSchema,
  customerListQuerySchema,
  customerSchema,
  duplicateListSchema,
  duplicateQuerySchema,
  idParamSchema,
  listQuerySchema,
  mergeCustomerInputSchema,
  pageOf,
  tagSchema,
  timelineEntrySchema,
  updateContactInputSchema,
  updateCustomerInputSchema,
  updateTagInputSchema,
  zonedDate,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findSegmentMembers } from '../segments/public';
import { createContact, findContacts, findCustomerContacts, getContact, updateContact } from './contacts';
import { createCustomer } from './create-customer';
import { customerTimeline } from './customer-timeline';
import { exportCustomers } from './export-customers';
import { findCustomers } from './find-customers';
import { findDuplicateCustomers } from './find-duplicate-customers';
import { getCustomer } from './get-customer';
import { mergeCustomers } from './merge-customers';
import { bulkTagCustomers, createTag, deleteTag, findTags, updateTag } from './tags';
import { updateCustomer } from './update-customer';

export function customerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Customers'];

  r.get(
    '/api/customers',
    {
      schema: {
        tags,
        summary: 'List and search customers, all of them or the members of a segment',
        querystring: customerListQuerySchema,
        response: { 200: pageOf(customerSchema) },
      },
      config: { access: { permission: ['customers', 'read'] } },
    },
    (request) => {
      const { segment, ...query } = request.query;
      return segment ? findSegmentMembers(request.ctx, segment, query) : findCustomers(request.ctx, query);
    },
  );
  r.post(
    '/api/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer',
        body: createCustomerInputSchema,
        response: { 201: customerSchema },
      },
      config: { access: { permission: ['customers', 'create'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createCustomer(request.ctx, request.body))),
  );
  r.get(
    '/api/customers/export',
    {
      schema: {
        tags,
        summary: 'Export the filtered customer list (or a segment of it) as CSV (UTF-8 with BOM) or .xlsx',
        querystring: customerListQuerySchema
          .omit({ limit: true, cursor: true })
          .extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
      config: { access: { permission: ['customers', 'export'] } },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      // Before the headers: an unknown segment answers 404, not a file cut short.
      const rows = await exportCustomers(request.ctx, filters, format);
      const stamp = zonedDate(businessTimeZone, request.ctx.clock.now());
      reply
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('Content-Disposition', `attachment; filename="customers-${stamp}.${format}"`);
      return reply.send(rows);
    },
  );
  r.get(
    '/api/customers/duplicates',
    {
      schema: {
        tags,
        summary:
          'Possible duplicates of a company, with score and reasons; of customers the caller may not read only exact matches, as name and owner',
        querystring: duplicateQuerySchema,
        response: { 200: duplicateListSchema },
      },
      config: { access: { permission: ['customers', 'read'] } },
    },
    (request) => findDuplicateCustomers(request.ctx, request.query),
  );
  r.post(
    '/api/customers/bulk-tags',
    {
      schema: {
        tags,
        summary: 'Add and remove tags on selected customers',
        body: bulkTagInputSchema,
        response: { 200: bulkTagResultSchema },
      },
      config: { access: { permission: ['customers', 'update'] } },
    },
    (request) => bulkTagCustomers(request.ctx, request.body),
  );
  r.get(
    '/api/customers/:id',
    {
      schema: { tags, summary: 'Get a customer', params: idParamSchema, response: { 200: customerSchema } },
      config: { access: { permission: ['customers', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getCustomer(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: 'Update a customer (If-Match: "<version>")',
        params: idParamSchema,
        body: updateCustomerInputSchema,
        response: { 200: customerSchema },
      },
      // Finance may send billing only (customerBilling.update); the use case checks which applies.
      config: {
        access: {
          anyPermission: [
            ['customers', 'update'],
            ['customerBilling', 'update'],
          ],
        },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateCustomer(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.post(
    '/api/customers/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge another customer (sourceId) into this one, keeping both histories',
        params: idParamSchema,
        body: mergeCustomerInputSchema,
        response: { 200: customerSchema },
      },
      config: { access: { permission: ['customers', 'merge'] } },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await mergeCustomers(request.ctx, request.params.id, request.body.sourceId, expectedVersion(request)),
      ),
  );
  r.get(
    '/api/customers/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything that happened to the customer, newest first (keyset: cursor → nextCursor)',
        params: idParamSchema,
        querystring: listQuerySchema,
        response: { 200: pageOf(timelineEntrySchema) },
      },
      config: { access: { permission: ['customers', 'read'] } },
    },
    (request) => customerTimeline(request.ctx, request.params.id, request.query),
  );
  r.get(
    '/api/customers/:id/contacts',
    {
      schema: {
        tags,
        summary: "A customer's contacts",
        params: idParamSchema,
        querystring: contactListQuerySchema.omit({ customerId: true }),
        response: { 200: pageOf(contactSchema) },
      },
      config: { access: { permission: ['contacts', 'read'] } },
    },
    (request) => findCustomerContacts(request.ctx, request.params.id, request.query),
  );

  const contactTags = ['Contacts'];
  r.get(
    '/api/contacts',
    {
      schema: {
        tags: contactTags,
        summary: 'List and search contacts',
        querystring: contactListQuerySchema,
        response: { 200: pageOf(contactSchema) },
      },
      config: { access: { permission: ['contacts', 'read'] } },
    },
    (request) => findContacts(request.ctx, request.query),
  );
  r.post(
    '/api/contacts',
    {
      schema: {
        tags: contactTags,
        summary: 'Add a contact to a customer',
        body: createContactInputSchema,
        response: { 201: contactSchema },
      },
      config: { access: { permission: ['contacts', 'create'] } },
    },
    async (request, reply) => reply.code(201).send(sendWithEtag(reply, await createContact(request.ctx, request.body))),
  );
  r.get(
    '/api/contacts/:id',
    {
      schema: { tags: contactTags, summary: 'Get a contact', params: idParamSchema, response: { 200: contactSchema } },
      config: { access: { permission: ['contacts', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getContact(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/contacts/:id',
    {
      schema: {
        tags: contactTags,
        summary: 'Update, move or mark a contact as left (If-Match: "<version>")',
        params: idParamSchema,
        body: updateContactInputSchema,
        response: { 200: contactSchema },
      },
      config: { access: { permission: ['contacts', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateContact(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );

  const tagTags = ['Tags'];
  r.get(
    '/api/tags',
    {
      schema: {
        tags: tagTags,
        summary: 'List tags by name (keyset: cursor → nextCursor)',
        querystring: listQuerySchema,
        response: { 200: pageOf(tagSchema) },
      },
      config: { access: { permission: ['tags', 'read'] } },
    },
    (request) => findTags(request.ctx, request.query),
  );
  r.post(
    '/api/tags',
    {
      schema: { tags: tagTags, summary: 'Create a tag', body: createTagInputSchema, response: { 201: tagSchema } },
      config: { access: { permission: ['tags', 'create'] } },
    },
    async (request, reply) => reply.code(201).send(await createTag(request.ctx, request.body)),
  );
  r.patch(
    '/api/tags/:id',
    {
      schema: {
        tags: tagTags,
        summary: 'Update a tag (If-Match: "<version>")',
        params: idParamSchema,
        body: updateTagInputSchema,
        response: { 200: tagSchema },
      },
      config: { access: { permission: ['tags', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateTag(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.delete(
    '/api/tags/:id',
    {
      schema: { tags: tagTags, summary: 'Delete a tag (removes it from all customers)', params: idParamSchema },
      config: { access: { permission: ['tags', 'delete'] } },
    },
    async (request, reply) => {
      await deleteTag(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
}
