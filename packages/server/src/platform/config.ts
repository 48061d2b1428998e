import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  // The embedded database's page cache; more memory, fewer page reads and writes (docs/operations.md).
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9][0-9]*(kB|MB|GB)$/, 'must be a size such as 512MB')
    .default('512MB'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Berth <no-reply@localhost>'),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(90).default(7),
  COOKIE_SECURE: booleanFlag.default(false),
  TRUST_PROXY: booleanFlag.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(10),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(500 * 1024 * 1024),
  /** Largest file that can be imported (413 beyond); below UPLOAD_LIMIT_BYTES, the ceiling of any upload. */
  IMPORT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  /** Largest file that can be attached to a record (413 beyond). */
  ATTACHMENT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /**
   * Outgoing webhooks to loopback, private and link-local addresses are refused (SSRF): a subscriber could
   * otherwise make the server call its own network. Set true only where receivers live on such a network.
   */
  WEBHOOKS_ALLOW_PRIVATE_NETWORK: booleanFlag.default(false),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60000).default(1000),
  /** Participants of a sales event are reminded this many hours before it starts. */
  SALES_EVENT_REMINDER_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** PostgreSQL: a running job whose lock was not renewed for this long is taken over (its server died). */
  JOB_STALE_AFTER_MS: z.coerce.number().int().min(1000).default(300_000),
  /**
   * TEST ONLY: adds POST /api/test-clock/run, which runs a scheduled job as of a later time so
   * end-to-end tests can move time forward. Never set it in production.
   */
  ALLOW_TEST_CLOCK: booleanFlag.default(false),
  /**
   * TEST ONLY: adds POST /api/test-organizations, which adds an organisation and its administrator to a
   * running server, so end-to-end test files can share one server. Refused unless the process runs tests.
   */
  ALLOW_TEST_ORGANIZATIONS: booleanFlag.default(false),
  /**
   * TEST ONLY: `test-only-minimal` hashes passwords at argon2's smallest cost so test suites that
   * create many users stay fast. Refused unless the process runs tests (NODE_ENV=test or under Vitest).
   */
  PASSWORD_HASH_COST: z.enum(['standard', 'test-only-minimal']).default('standard'),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export class ConfigError extends Error {}

const isTestRun = (env: NodeJS.ProcessEnv) => env.NODE_ENV === 'test' || Boolean(env.VITEST);

/** Reads and validates the environment once at start; a bad value stops the server with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.PASSWORD_HASH_COST !== 'standard' && !isTestRun(env) && !isTestRun(process.env)) {
    throw new ConfigError(
      `Invalid configuration:\n  PASSWORD_HASH_COST: ${parsed.data.PASSWORD_HASH_COST} is for test runs only ` +
        '(NODE_ENV=test); remove it to hash passwords at the standard cost',
    );
  }
  if (parsed.data.ALLOW_TEST_ORGANIZATIONS && !isTestRun(env) && !isTestRun(process.env)) {
    throw new ConfigError(
      'Invalid configuration:\n  ALLOW_TEST_ORGANIZATIONS: is for test runs only (NODE_ENV=test); remove it',
    );
  }
  // npm runs workspace scripts inside the package; a relative DATA_DIR means the caller's directory.
  const base = env.INIT_CWD ?? process.cwd();
  return { ...parsed.data, dataDir: path.resolve(base, parsed.data.DATA_DIR) };
}
