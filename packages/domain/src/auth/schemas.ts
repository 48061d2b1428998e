import { z } from 'zod';
import { timeZoneSchema } from '../org-settings/org-settings-schemas';
import { permissionsSchema } from '../platform/permissions';
import { isCommonPassword } from './common-passwords';

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** At least 10 characters, with letters and digits, and not a well-known one; long passphrases are welcome. */
export const passwordSchema = z
  .string()
  .min(10)
  .max(200)
  .refine((p) => /\p{L}/u.test(p) && /\p{N}/u.test(p), { message: 'auth.password_weak' })
  .refine((p) => !isCommonPassword(p), { message: 'auth.password_common' });

export const personNameSchema = z.string().trim().min(1).max(100);

export const setupInputSchema = z.object({
  organization: z.object({ name: z.string().trim().min(1).max(200) }),
  admin: z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema }),
});
export type SetupInput = z.infer<typeof setupInputSchema>;

export const setupStatusSchema = z.object({
  setupRequired: z.boolean(),
  /** Whether the request carried a session cookie (not whether it is still valid): without one nobody is signed in. */
  sessionCookie: z.boolean(),
});

export const loginInputSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    locale: z.enum(['zh-CN', 'en']),
    /** The user's own time zone, or null to follow the organisation's. */
    timeZone: z.string().nullable(),
    teamId: z.uuid().nullable(),
  }),
  organization: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), reportingCurrency: z.string() }),
  role: z.object({ id: z.uuid(), key: z.string(), name: z.string(), nameEn: z.string() }),
  permissions: permissionsSchema,
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const updateProfileInputSchema = z.object({
  name: personNameSchema.optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  /** An IANA time zone, or null to follow the organisation's. */
  timeZone: timeZoneSchema.nullable().optional(),
});

export const sessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;
