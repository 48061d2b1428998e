import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema } from '../auth/schemas';
import { listQuerySchema } from '../platform/pagination';
import { permissionsSchema } from '../platform/permissions';

const timestamps = { createdAt: z.string(), updatedAt: z.string(), version: z.number().int() };

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roleId: z.uuid(),
  teamId: z.uuid().nullable(),
  locale: z.enum(['zh-CN', 'en']),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  ...timestamps,
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  teamId: z.uuid().optional(),
  roleId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const createUserInputSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
  roleId: z.uuid(),
  teamId: z.uuid().nullable().optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    roleId: z.uuid(),
    teamId: z.uuid().nullable(),
    locale: z.enum(['zh-CN', 'en']),
    status: z.enum(['active', 'disabled']),
    password: passwordSchema,
    unlock: z.literal(true),
  })
  .partial()
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  managerId: z.uuid().nullable(),
  memberCount: z.number().int(),
  ...timestamps,
});
export type Team = z.infer<typeof teamSchema>;

export const teamListQuerySchema = listQuerySchema.extend({ q: z.string().trim().max(100).optional() });

export const createTeamInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  parentId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
});
export const updateTeamInputSchema = createTeamInputSchema.partial().strict();

export const roleSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  builtin: z.boolean(),
  permissions: permissionsSchema,
  userCount: z.number().int(),
  ...timestamps,
});
export type Role = z.infer<typeof roleSchema>;

export const roleListQuerySchema = listQuerySchema;

export const createRoleInputSchema = z.object({
  key: z
    .string()
    .trim()
    .min(2)
    .max(50)
    .regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).default(''),
  permissions: permissionsSchema,
});
export const updateRoleInputSchema = createRoleInputSchema.omit({ key: true }).partial().strict();

export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorType: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The record's name (and code, where it has one) when the caller may read the record; else null. */
  entityName: z.string().nullable(),
  entityCode: z.string().nullable(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  meta: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = listQuerySchema.extend({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(50).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  channel: z.string(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'held', 'failed']),
  attempts: z.number().int(),
  /** Why the last attempt failed, in the caller's language (from `lastErrorCode`). */
  lastError: z.string().nullable(),
  /** The same as a code and parameters, for a client that renders it itself (`delivery.*`). */
  lastErrorCode: z.string().nullable(),
  lastErrorParams: z.record(z.string(), z.string()),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  version: z.number().int(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxListQuerySchema = listQuerySchema.extend({
  status: z.enum(['pending', 'sent', 'held', 'failed']).optional(),
});

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  roleId: z.uuid(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createApiKeyInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  roleId: z.uuid(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
/** The secret is shown once, at creation; only its hash is stored. */
export const createdApiKeySchema = apiKeySchema.extend({ secret: z.string() });
