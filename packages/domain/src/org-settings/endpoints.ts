import { defineEndpoint } from '../platform/contract';
import { orgSettingsSchema, updateOrgSettingsInputSchema } from './org-settings-schemas';

const tags = ['Organisation settings'];

export const orgSettingsEndpoints = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/org-settings',
    tags,
    summary: "The organisation's reporting currency, time zone, fiscal year, working calendar and shipment delay rule",
    response: orgSettingsSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/org-settings',
    tags,
    summary: 'Change the organisation\'s settings (administrators; If-Match: "<version>")',
    body: updateOrgSettingsInputSchema,
    response: orgSettingsSchema,
  }),
};
