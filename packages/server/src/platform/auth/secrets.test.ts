import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, usePasswordHashCost, verifyPassword } from './secrets';

describe('password hashing cost', () => {
  afterEach(() => usePasswordHashCost('standard'));

  it('hashes with argon2id at the recommended cost by default', async () => {
    expect(await hashPassword('Test-password-1')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('hashes at the smallest cost when the tests ask for it', async () => {
    usePasswordHashCost('test-only-minimal');
    expect(await hashPassword('Test-password-1')).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
  });

  it('verifies a hash of either cost whatever the current setting, since the hash carries its parameters', async () => {
    const standard = await hashPassword('Test-password-1');
    usePasswordHashCost('test-only-minimal');
    const minimal = await hashPassword('Test-password-1');
    for (const setting of ['standard', 'test-only-minimal'] as const) {
      usePasswordHashCost(setting);
      expect(await verifyPassword(standard, 'Test-password-1')).toBe(true);
      expect(await verifyPassword(minimal, 'Test-password-1')).toBe(true);
      expect(await verifyPassword(minimal, 'Test-password-2')).toBe(false);
    }
  });
});
