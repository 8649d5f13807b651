import { loadServiceConfig, ServiceConfigError } from './service-config';

const defaults = { service: 'teams', port: 4102 };
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadServiceConfig(env, defaults);
  } catch (error) {
    if (error instanceof ServiceConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ServiceConfigError');
};

describe('loadServiceConfig', () => {
  it('reads the environment, with defaults for the optional variables', () => {
    expect(
      loadServiceConfig(
        { KAFKA_BROKERS: ' a:9092 , b:9093 ', DATABASE_URL: 'postgres://u@h:5432/tminus_teams' },
        defaults,
      ),
    ).toEqual({
      kafkaBrokers: ['a:9092', 'b:9093'],
      kafkaClientId: 'tminus-teams',
      kafkaClient: 'kafkajs',
      databaseUrl: 'postgres://u@h:5432/tminus_teams',
      port: 4102,
      host: '127.0.0.1',
      logLevel: 'info',
      topicNamespace: undefined,
    });
  });

  it('names every problem at once, with a hint', () => {
    expect(
      problemsOf({ KAFKA_BROKERS: ',', DATABASE_URL: 'mysql://x', PORT: '70000', LOG_LEVEL: 'loud' }),
    ).toEqual([
      'KAFKA_BROKERS: KAFKA_BROKERS names no broker (a comma list, e.g. 127.0.0.1:19092)',
      'DATABASE_URL: DATABASE_URL must be a postgres:// URL',
      'PORT: PORT must be at most 65535',
      'LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  it('chooses the Kafka client behind the bus, and names an unknown one', () => {
    const env = { KAFKA_BROKERS: 'a:9092', DATABASE_URL: 'postgres://u@h:5432/tminus_teams' };
    expect(loadServiceConfig({ ...env, TMINUS_KAFKA_CLIENT: 'platformatic' }, defaults).kafkaClient).toBe(
      'platformatic',
    );
    expect(problemsOf({ ...env, TMINUS_KAFKA_CLIENT: 'rdkafka' })).toEqual([
      'TMINUS_KAFKA_CLIENT: TMINUS_KAFKA_CLIENT must be one of kafkajs, platformatic',
    ]);
  });

  it('treats empty variables as missing', () => {
    expect(problemsOf({ KAFKA_BROKERS: '', DATABASE_URL: '' })).toEqual([
      'KAFKA_BROKERS: KAFKA_BROKERS is required (a comma list, e.g. 127.0.0.1:19092)',
      'DATABASE_URL: DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/tminus_teams)',
    ]);
  });
});
