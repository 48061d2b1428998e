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

describe('ALLOW_TEST_ORGANIZATIONS', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is off unless set, and may be set in a test run', () => {
    expect(loadConfig({}).ALLOW_TEST_ORGANIZATIONS).toBe(false);
    expect(loadConfig({ ALLOW_TEST_ORGANIZATIONS: 'true' }).ALLOW_TEST_ORGANIZATIONS).toBe(true);
  });

  it('is refused outside a test run', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('VITEST', undefined);
    expect(() => loadConfig({ ALLOW_TEST_ORGANIZATIONS: 'true' })).toThrow(
      /ALLOW_TEST_ORGANIZATIONS: is for test runs only/,
    );
    expect(loadConfig({ ALLOW_TEST_ORGANIZATIONS: 'false' }).ALLOW_TEST_ORGANIZATIONS).toBe(false);
  });
});

describe('PGLITE_SHARED_BUFFERS', () => {
  it('is 512MB unless set, and takes a size in kB, MB or GB', () => {
    expect(loadConfig({}).PGLITE_SHARED_BUFFERS).toBe('512MB');
    expect(loadConfig({ PGLITE_SHARED_BUFFERS: '128MB' }).PGLITE_SHARED_BUFFERS).toBe('128MB');
    expect(loadConfig({ PGLITE_SHARED_BUFFERS: '1GB' }).PGLITE_SHARED_BUFFERS).toBe('1GB');
  });

  it('refuses what is not a size, saying what it wants', () => {
    for (const size of ['lots', '512', '512 MB', '0MB', '512mb', "512MB' -c fsync=on"]) {
      expect(() => loadConfig({ PGLITE_SHARED_BUFFERS: size })).toThrow(
        /PGLITE_SHARED_BUFFERS: must be a size such as 512MB/,
      );
    }
  });
});
