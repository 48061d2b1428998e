import { defineEndpoint, idParamSchema } from '../platform/contract';
import { pageOf } from '../platform/pagination';
import {
  changePasswordInputSchema,
  loginInputSchema,
  meSchema,
  sessionSchema,
  setupInputSchema,
  setupStatusSchema,
  updateProfileInputSchema,
} from './schemas';

const setupTags = ['Setup'];
const authTags = ['Auth'];

export const setupEndpoints = {
  status: defineEndpoint({
    method: 'GET',
    path: '/api/setup',
    tags: setupTags,
    summary: 'Whether first-run setup is still open',
    response: setupStatusSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/setup',
    tags: setupTags,
    summary: 'Create the organisation and its administrator (first run only; afterwards 409)',
    body: setupInputSchema,
    response: meSchema,
    status: 201,
  }),
};

export const authEndpoints = {
  login: defineEndpoint({
    method: 'POST',
    path: '/api/auth/login',
    tags: authTags,
    summary: 'Sign in; sets the session cookie and returns the csrfToken',
    body: loginInputSchema,
    response: meSchema,
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/auth/logout',
    tags: authTags,
    summary: 'Sign out this session',
  }),
};

export const meEndpoints = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/me',
    tags: authTags,
    summary: 'The signed-in user, role, permissions and csrfToken',
    response: meSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/me',
    tags: authTags,
    summary: 'Update my name or language',
    body: updateProfileInputSchema,
    response: meSchema,
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/me/password',
    tags: authTags,
    summary: 'Change my password (ends my other sessions)',
    body: changePasswordInputSchema,
  }),
  sessions: defineEndpoint({
    method: 'GET',
    path: '/api/me/sessions',
    tags: authTags,
    summary: 'My open sessions',
    response: pageOf(sessionSchema),
  }),
  endSession: defineEndpoint({
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    tags: authTags,
    summary: 'End one of my sessions',
    params: idParamSchema,
  }),
};
