import { EmbeddedConfigError, loadEmbeddedConfig } from './embedded-config';

describe('loadEmbeddedConfig', () => {
  it('defaults to ./data, 127.0.0.1:4000 and info logs', () => {
    expect(loadEmbeddedConfig({})).toEqual({
      dataDir: './data',
      port: 4000,
      host: '127.0.0.1',
      logLevel: 'info',
      adminToken: undefined,
      commandTimeoutMs: undefined,
      rateLimitPerMinute: undefined,
    });
  });

  it('reads every variable, and treats empty strings as unset', () => {
    const config = loadEmbeddedConfig({
      TMINUS_DATA_DIR: '/var/lib/tminus',
      PORT: '0',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'warn',
      TMINUS_ADMIN_TOKEN: 'a-long-enough-admin-token-for-tests',
      COMMAND_TIMEOUT_MS: '2500',
      RATE_LIMIT_PER_MINUTE: '120000',
    });
    expect(config).toEqual({
      dataDir: '/var/lib/tminus',
      port: 0,
      host: '0.0.0.0',
      logLevel: 'warn',
      adminToken: 'a-long-enough-admin-token-for-tests',
      commandTimeoutMs: 2500,
      rateLimitPerMinute: 120000,
    });
    expect(loadEmbeddedConfig({ PORT: '', TMINUS_DATA_DIR: '', HOST: '' })).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      dataDir: './data',
    });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadEmbeddedConfig({
        PORT: 'http',
        LOG_LEVEL: 'loud',
        TMINUS_ADMIN_TOKEN: 'short',
        RATE_LIMIT_PER_MINUTE: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EmbeddedConfigError);
    const problems = (error as EmbeddedConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: PORT must be a number/m);
    expect(problems).toMatch(/^LOG_LEVEL: LOG_LEVEL must be one of/m);
    expect(problems).toMatch(/^TMINUS_ADMIN_TOKEN: .*24 characters/m);
    expect(problems).toMatch(/^RATE_LIMIT_PER_MINUTE: RATE_LIMIT_PER_MINUTE must be positive/m);
  });

  it('rejects a port out of range', () => {
    expect(() => loadEmbeddedConfig({ PORT: '70000' })).toThrow(/PORT must be at most 65535/);
  });
});
