import { defineEndpoint, idParamSchema } from '../platform/contract';
import { listQuerySchema, pageOf } from '../platform/pagination';
import {
  apiKeySchema,
  auditEntrySchema,
  auditListQuerySchema,
  createApiKeyInputSchema,
  createdApiKeySchema,
  createRoleInputSchema,
  createTeamInputSchema,
  createUserInputSchema,
  outboxListQuerySchema,
  outboxMessageSchema,
  roleListQuerySchema,
  roleSchema,
  teamListQuerySchema,
  teamSchema,
  updateRoleInputSchema,
  updateTeamInputSchema,
  updateUserInputSchema,
  userListQuerySchema,
  userSchema,
} from './schemas';

const apiKeysTags = ['API keys'];
const auditTags = ['Audit'];
const outboxTags = ['Outbox'];
const rolesTags = ['Roles'];
const teamsTags = ['Teams'];
const usersTags = ['Users'];

export const apiKeyEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/api-keys',
    tags: apiKeysTags,
    summary: 'List API keys, newest first (keyset: cursor → nextCursor)',
    query: listQuerySchema,
    response: pageOf(apiKeySchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/api-keys',
    tags: apiKeysTags,
    summary: 'Create an API key (the secret is shown once)',
    body: createApiKeyInputSchema,
    response: createdApiKeySchema,
    status: 201,
  }),
  revoke: defineEndpoint({
    method: 'DELETE',
    path: '/api/api-keys/:id',
    tags: apiKeysTags,
    summary: 'Revoke an API key',
    params: idParamSchema,
  }),
};

export const auditEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/audit',
    tags: auditTags,
    summary: 'Search the audit log (newest first)',
    query: auditListQuerySchema,
    response: pageOf(auditEntrySchema),
  }),
};

export const outboxEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/outbox',
    tags: outboxTags,
    summary: 'Messages waiting, sent, held or failed',
    query: outboxListQuerySchema,
    response: pageOf(outboxMessageSchema),
  }),
  retry: defineEndpoint({
    method: 'POST',
    path: '/api/outbox/:id/retry',
    tags: outboxTags,
    summary: 'Send a held or failed message again',
    params: idParamSchema,
    response: outboxMessageSchema,
  }),
};

export const roleEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/roles',
    tags: rolesTags,
    summary: 'List roles',
    query: roleListQuerySchema,
    response: pageOf(roleSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/roles',
    tags: rolesTags,
    summary: 'Create a custom role',
    body: createRoleInputSchema,
    response: roleSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/roles/:id',
    tags: rolesTags,
    summary: 'Get a role',
    params: idParamSchema,
    response: roleSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/roles/:id',
    tags: rolesTags,
    summary: 'Update a role (If-Match: "<version>")',
    params: idParamSchema,
    body: updateRoleInputSchema,
    response: roleSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/roles/:id',
    tags: rolesTags,
    summary: 'Delete a custom role (If-Match: "<version>")',
    params: idParamSchema,
  }),
};

export const teamEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/teams',
    tags: teamsTags,
    summary: 'List teams',
    query: teamListQuerySchema,
    response: pageOf(teamSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/teams',
    tags: teamsTags,
    summary: 'Create a team',
    body: createTeamInputSchema,
    response: teamSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/teams/:id',
    tags: teamsTags,
    summary: 'Get a team',
    params: idParamSchema,
    response: teamSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/teams/:id',
    tags: teamsTags,
    summary: 'Update a team (If-Match: "<version>")',
    params: idParamSchema,
    body: updateTeamInputSchema,
    response: teamSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/teams/:id',
    tags: teamsTags,
    summary: 'Delete an empty team (If-Match: "<version>")',
    params: idParamSchema,
  }),
};

export const userEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/users',
    tags: usersTags,
    summary: 'List users',
    query: userListQuerySchema,
    response: pageOf(userSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/users',
    tags: usersTags,
    summary: 'Create a user',
    body: createUserInputSchema,
    response: userSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/users/:id',
    tags: usersTags,
    summary: 'Get a user',
    params: idParamSchema,
    response: userSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    tags: usersTags,
    summary: 'Update a user (If-Match: "<version>")',
    params: idParamSchema,
    body: updateUserInputSchema,
    response: userSchema,
  }),
};
