import { KAFKA_CLIENTS, DEFAULT_KAFKA_CLIENT, type KafkaClientName } from '@tminus/messaging';
import { z } from 'zod';
import { hostSetting } from './listen-address';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface ServiceConfig {
  readonly kafkaBrokers: string[];
  readonly kafkaClientId: string;
  /** TMINUS_KAFKA_CLIENT: the Kafka client behind the bus (ADR 0015). */
  readonly kafkaClient: KafkaClientName;
  readonly databaseUrl: string;
  readonly port: number;
  /** HOST: the address /health and /metrics listen on (default 127.0.0.1). */
  readonly host: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Puts every topic and consumer group under `<namespace>.` (several stacks on one cluster). */
  readonly topicNamespace: string | undefined;
}

export interface ServiceConfigDefaults {
  /** e.g. `teams`: the default client id is `tminus-teams`. */
  readonly service: string;
  /** launches 4101, teams 4102, checklists 4103 (docs: runtime conventions). */
  readonly port: number;
}

const brokerList = z
  .string({ error: 'KAFKA_BROKERS is required (a comma list, e.g. 127.0.0.1:19092)' })
  .transform((raw) =>
    raw
      .split(',')
      .map((b) => b.trim())
      .filter((b) => b.length > 0),
  )
  .pipe(
    z
      .array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each broker must be host:port'))
      .min(1, 'KAFKA_BROKERS names no broker (a comma list, e.g. 127.0.0.1:19092)'),
  );

/** Optional; a Kafka-safe prefix such as `staging` or `run-42`. */
export const topicNamespace = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,39}$/,
    'KAFKA_TOPIC_NAMESPACE must be lower-case letters, digits, - or _ (at most 40)',
  )
  .optional();

/**
 * The settings every app reads (KAFKA_BROKERS, KAFKA_CLIENT_ID, DATABASE_URL, PORT, HOST, LOG_LEVEL,
 * KAFKA_TOPIC_NAMESPACE): the gateway extends this schema with its own, so the four apps validate them
 * alike and name the same problems. Parse {@link presentEnv}, not the raw environment.
 */
export const serviceEnvSchema = (defaults: ServiceConfigDefaults) =>
  z.object({
    KAFKA_BROKERS: brokerList,
    KAFKA_CLIENT_ID: z.string().trim().min(1).default(`tminus-${defaults.service}`),
    TMINUS_KAFKA_CLIENT: z
      .enum(KAFKA_CLIENTS, { error: `TMINUS_KAFKA_CLIENT must be one of ${KAFKA_CLIENTS.join(', ')}` })
      .default(DEFAULT_KAFKA_CLIENT),
    DATABASE_URL: z
      .string({
        error: `DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/tminus_${defaults.service})`,
      })
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
    PORT: z.coerce
      .number({ error: 'PORT must be a number' })
      .int('PORT must be an integer')
      .min(0)
      .max(65535, 'PORT must be at most 65535')
      .default(defaults.port),
    HOST: hostSetting,
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    KAFKA_TOPIC_NAMESPACE: topicNamespace,
  });

/** The environment without its empty variables: shells and compose files often leave them set to "". */
export const presentEnv = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );

export class ServiceConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ServiceConfigError';
  }
}

/** Reads and validates a service's environment; throws {@link ServiceConfigError} naming every problem. */
export function loadServiceConfig(env: NodeJS.ProcessEnv, defaults: ServiceConfigDefaults): ServiceConfig {
  const parsed = serviceEnvSchema(defaults).safeParse(presentEnv(env));
  if (!parsed.success) {
    throw new ServiceConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const {
    KAFKA_BROKERS,
    KAFKA_CLIENT_ID,
    TMINUS_KAFKA_CLIENT,
    DATABASE_URL,
    PORT,
    HOST,
    LOG_LEVEL,
    KAFKA_TOPIC_NAMESPACE,
  } = parsed.data;
  return {
    kafkaBrokers: KAFKA_BROKERS,
    kafkaClientId: KAFKA_CLIENT_ID,
    kafkaClient: TMINUS_KAFKA_CLIENT,
    databaseUrl: DATABASE_URL,
    port: PORT,
    host: HOST,
    logLevel: LOG_LEVEL,
    topicNamespace: KAFKA_TOPIC_NAMESPACE,
  };
}
