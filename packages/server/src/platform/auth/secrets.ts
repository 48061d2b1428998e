import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, type Options, verify } from '@node-rs/argon2';

/**
 * `standard`: argon2id (the library's default algorithm) with its recommended cost settings.
 * `test-only-minimal`: the smallest cost argon2 accepts, so test suites that create hundreds of
 * users do not spend minutes hashing; the configuration refuses it outside a test run.
 */
export type PasswordHashCost = 'standard' | 'test-only-minimal';

const costOptions: Record<PasswordHashCost, Options | undefined> = {
  standard: undefined,
  'test-only-minimal': { memoryCost: 64, timeCost: 1, parallelism: 1 },
};

let cost: PasswordHashCost = 'standard';

/** Set once at start from the configuration (PASSWORD_HASH_COST). */
export function usePasswordHashCost(value: PasswordHashCost): void {
  cost = value;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, costOptions[cost]);
}

/** The hash carries its own cost parameters: a hash made at any cost verifies at any setting. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

const dummyHashes = new Map<PasswordHashCost, Promise<string>>();
/** Spends the same time as a real check, so a missing account cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  let dummy = dummyHashes.get(cost);
  if (!dummy) {
    dummy = hashPassword('not-a-real-password-0');
    dummyHashes.set(cost, dummy);
  }
  await verifyPassword(await dummy, password);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are long and random, so a fast hash is enough to keep them useless if the table leaks. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
