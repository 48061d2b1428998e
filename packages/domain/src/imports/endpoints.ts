import { z } from 'zod';
import { defineEndpoint, idParamSchema } from '../platform/contract';
import { downloadQuerySchema } from '../platform/download';
import { importEntities, importPreviewSchema, importSchema, importStartedSchema } from './import-schemas';

const importsTags = ['Imports'];

export const importEndpoints = {
  preview: defineEndpoint({
    method: 'POST',
    path: '/api/imports/preview',
    tags: importsTags,
    summary:
      'Read the first rows of a file (multipart: file, entity): encoding, headers and the column mapping that would be used',
    multipart: true,
    response: importPreviewSchema,
  }),
  start: defineEndpoint({
    method: 'POST',
    path: '/api/imports',
    tags: importsTags,
    summary: 'Start an import (multipart: file, entity, mapping, policy); runs in the background',
    multipart: true,
    response: importStartedSchema,
    status: 202,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/imports/:id',
    tags: importsTags,
    summary: 'Progress and per-row errors of an import',
    params: idParamSchema,
    response: importSchema,
  }),
  errors: defineEndpoint({
    method: 'GET',
    path: '/api/imports/:id/errors.csv',
    tags: importsTags,
    summary: "The error report of an import as CSV, in the caller's language",
    params: idParamSchema,
    query: downloadQuerySchema,
  }),
  template: defineEndpoint({
    method: 'GET',
    path: '/api/imports/templates/:entity',
    tags: importsTags,
    summary: "An empty workbook to fill in for an import: the entity's columns, headed in the caller's language",
    params: z.object({ entity: z.enum(importEntities) }),
    query: downloadQuerySchema,
  }),
};
