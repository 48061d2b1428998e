import { defineEndpoint, idParamSchema } from '../platform/contract';
import { pageOf } from '../platform/pagination';
import {
  attachmentListQuerySchema,
  attachmentSchema,
  createNoteInputSchema,
  mentionableQuerySchema,
  mentionableUsersSchema,
  noteListQuerySchema,
  noteSchema,
  notificationListQuerySchema,
  notificationSchema,
  readAllResultSchema,
  unreadCountSchema,
  updateNoteInputSchema,
} from './note-schemas';

const attachmentsTags = ['Attachments'];
const notesTags = ['Notes'];
const notificationsTags = ['Notifications'];

export const attachmentEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/customers/:id/attachments',
    tags: attachmentsTags,
    summary: "A customer's attachments, newest first",
    params: idParamSchema,
    query: attachmentListQuerySchema,
    response: pageOf(attachmentSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/customers/:id/attachments',
    tags: attachmentsTags,
    summary: 'Attach a file (multipart: file, kind, description); size-limited, type checked from its content',
    description:
      'multipart/form-data: file, kind (business_licence | contract | monthly_settlement_agreement | seal_specimen | power_of_attorney | other), description',
    params: idParamSchema,
    multipart: true,
    response: attachmentSchema,
    status: 201,
  }),
  contactList: defineEndpoint({
    method: 'GET',
    path: '/api/contacts/:id/attachments',
    tags: attachmentsTags,
    summary: "A contact's attachments, newest first (the contact's customer's attachment rights apply)",
    params: idParamSchema,
    query: attachmentListQuerySchema,
    response: pageOf(attachmentSchema),
  }),
  contactCreate: defineEndpoint({
    method: 'POST',
    path: '/api/contacts/:id/attachments',
    tags: attachmentsTags,
    summary: 'Attach a file to a contact (multipart: file, kind, description)',
    description:
      'multipart/form-data: file, kind (business_licence | contract | monthly_settlement_agreement | seal_specimen | power_of_attorney | other), description',
    params: idParamSchema,
    multipart: true,
    response: attachmentSchema,
    status: 201,
  }),
  opportunityList: defineEndpoint({
    method: 'GET',
    path: '/api/opportunities/:id/attachments',
    tags: attachmentsTags,
    summary: "An opportunity's attachments, newest first (only for those who may read the opportunity)",
    params: idParamSchema,
    query: attachmentListQuerySchema,
    response: pageOf(attachmentSchema),
  }),
  opportunityCreate: defineEndpoint({
    method: 'POST',
    path: '/api/opportunities/:id/attachments',
    tags: attachmentsTags,
    summary: 'Attach a file to an opportunity (multipart: file, kind, description)',
    description:
      'multipart/form-data: file, kind (business_licence | contract | monthly_settlement_agreement | seal_specimen | power_of_attorney | other), description',
    params: idParamSchema,
    multipart: true,
    response: attachmentSchema,
    status: 201,
  }),
  content: defineEndpoint({
    method: 'GET',
    path: '/api/attachments/:id/content',
    tags: attachmentsTags,
    summary: 'Download the file of an attachment',
    params: idParamSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/attachments/:id',
    tags: attachmentsTags,
    summary: 'Delete an attachment (If-Match optional); it stays in the history',
    params: idParamSchema,
  }),
};

export const noteEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/customers/:id/notes',
    tags: notesTags,
    summary: "A customer's notes, newest first",
    params: idParamSchema,
    query: noteListQuerySchema,
    response: pageOf(noteSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/customers/:id/notes',
    tags: notesTags,
    summary: 'Add a note; mentioned colleagues (who must be able to see the customer) are notified',
    params: idParamSchema,
    body: createNoteInputSchema,
    response: noteSchema,
    status: 201,
  }),
  mentionableUsers: defineEndpoint({
    method: 'GET',
    path: '/api/customers/:id/mentionable-users',
    tags: notesTags,
    summary: 'Colleagues who can see the customer and so may be mentioned in its notes',
    params: idParamSchema,
    query: mentionableQuerySchema,
    response: mentionableUsersSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/notes/:id',
    tags: notesTags,
    summary: 'Edit a note (If-Match: "<version>"); by default only its author may',
    params: idParamSchema,
    body: updateNoteInputSchema,
    response: noteSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/notes/:id',
    tags: notesTags,
    summary: 'Delete a note (If-Match optional); it stays in the history',
    params: idParamSchema,
  }),
};

export const notificationEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/notifications',
    tags: notificationsTags,
    summary: "The signed-in user's notifications, newest first (unread=true: only unread)",
    query: notificationListQuerySchema,
    response: pageOf(notificationSchema),
  }),
  unreadCount: defineEndpoint({
    method: 'GET',
    path: '/api/notifications/unread-count',
    tags: notificationsTags,
    summary: 'How many notifications are unread',
    response: unreadCountSchema,
  }),
  readAll: defineEndpoint({
    method: 'POST',
    path: '/api/notifications/read-all',
    tags: notificationsTags,
    summary: "Mark all of the signed-in user's notifications read",
    response: readAllResultSchema,
  }),
  read: defineEndpoint({
    method: 'POST',
    path: '/api/notifications/:id/read',
    tags: notificationsTags,
    summary: 'Mark a notification read',
    params: idParamSchema,
    response: notificationSchema,
  }),
};
