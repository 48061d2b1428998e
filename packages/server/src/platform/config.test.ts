import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('PASSWORD_HASH_COST', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is standard unless set', () => {
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe('standard');
  });

  it('takes the test-only cost in a test run', () => {
    expect(loadConfig({ PASSWORD_HASH_COST: 'test-only-minimal' }).PASSWORD_HASH_COST).toBe('test-only-minimal');
  });

  it('refuses the test-only cost outside a test run', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('VITEST', undefined);
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'test-only-minimal' })).toThrow(ConfigError);
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'test-only-minimal' })).toThrow(/test runs only/);
    expect(loadConfig({ PASSWORD_HASH_COST: 'standard' }).PASSWORD_HASH_COST).toBe('standard');
  });

  it('refuses an unknown cost', () => {
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'cheap' })).toThrow(/PASSWORD_HASH_COST/);
  });
});
