import { contactEndpoints, customerEndpoints, tagEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { sendDownload } from '../../platform/export/export-writer';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findSegmentMembers } from '../segments';
import { createContact, findContacts, findCustomerContacts, getContact, updateContact } from './contacts';
import { countCustomers } from './count-customers';
import { createCustomer } from './create-customer';
import { customerTimeline } from './customer-timeline';
import { customerExportFile, exportCustomers } from './export-customers';
import { findCustomers } from './find-customers';
import { findDuplicateCustomers } from './find-duplicate-customers';
import { getCustomer } from './get-customer';
import { mergeCustomers, previewMerge } from './merge-customers';
import { bulkTagCustomers, createTag, deleteTag, findTags, updateTag } from './tags';
import { updateCustomer } from './update-customer';

export function customerRoutes(app: FastifyInstance) {
  route(app, customerEndpoints.list, {
    access: { permission: ['customers', 'read'] },
    handler: (request) => {
      const { segment, ...query } = request.query;
      return segment ? findSegmentMembers(request.ctx, segment, query) : findCustomers(request.ctx, query);
    },
  });
  route(app, customerEndpoints.count, {
    access: { permission: ['customers', 'read'] },
    handler: (request) => countCustomers(request.ctx, request.query),
  });
  route(app, customerEndpoints.create, {
    access: { permission: ['customers', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createCustomer(request.ctx, request.body)),
  });
  route(app, customerEndpoints.export, {
    access: { permission: ['customers', 'export'] },
    handler: async (request, reply) => {
      const { format, lang: _lang, ...filters } = request.query;
      // Before the headers: an unknown segment answers 404, not a file cut short.
      const { stream, timeZone } = await exportCustomers(request.ctx, filters, format);
      return sendDownload(reply, request.ctx, customerExportFile(timeZone, format), stream);
    },
  });
  route(app, customerEndpoints.duplicates, {
    access: { permission: ['customers', 'read'] },
    handler: (request) => findDuplicateCustomers(request.ctx, request.query),
  });
  route(app, customerEndpoints.bulkTags, {
    access: { permission: ['customers', 'update'] },
    handler: (request) => bulkTagCustomers(request.ctx, request.body),
  });
  route(app, customerEndpoints.get, {
    access: { permission: ['customers', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getCustomer(request.ctx, request.params.id)),
  });
  route(app, customerEndpoints.update, {
    // Finance may send billing only (customerBilling.update); the use case checks which applies.
    access: {
      anyPermission: [
        ['customers', 'update'],
        ['customerBilling', 'update'],
      ],
    },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateCustomer(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, customerEndpoints.merge, {
    access: { permission: ['customers', 'merge'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await mergeCustomers(request.ctx, request.params.id, request.body, expectedVersion(request))),
  });
  route(app, customerEndpoints.mergePreview, {
    access: { permission: ['customers', 'merge'] },
    handler: (request) => previewMerge(request.ctx, request.params.id, request.query.sourceId),
  });
  route(app, customerEndpoints.timeline, {
    access: { permission: ['customers', 'read'] },
    handler: (request) => customerTimeline(request.ctx, request.params.id, request.query),
  });
  route(app, customerEndpoints.contacts, {
    access: { permission: ['contacts', 'read'] },
    handler: (request) => findCustomerContacts(request.ctx, request.params.id, request.query),
  });

  route(app, contactEndpoints.list, {
    access: { permission: ['contacts', 'read'] },
    handler: (request) => findContacts(request.ctx, request.query),
  });
  route(app, contactEndpoints.create, {
    access: { permission: ['contacts', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createContact(request.ctx, request.body)),
  });
  route(app, contactEndpoints.get, {
    access: { permission: ['contacts', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getContact(request.ctx, request.params.id)),
  });
  route(app, contactEndpoints.update, {
    access: { permission: ['contacts', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateContact(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });

  route(app, tagEndpoints.list, {
    access: { permission: ['tags', 'read'] },
    handler: (request) => findTags(request.ctx, request.query),
  });
  route(app, tagEndpoints.create, {
    access: { permission: ['tags', 'create'] },
    handler: (request) => createTag(request.ctx, request.body),
  });
  route(app, tagEndpoints.update, {
    access: { permission: ['tags', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateTag(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, tagEndpoints.delete, {
    access: { permission: ['tags', 'delete'] },
    handler: (request) => deleteTag(request.ctx, request.params.id, expectedVersion(request)),
  });
}
