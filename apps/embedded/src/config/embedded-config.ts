import { hostSetting } from '@tminus/service-kit';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface EmbeddedConfig {
  /** Where every SQLite file and the admin token live (TMINUS_DATA_DIR, default ./data). */
  readonly dataDir: string;
  /** The gateway's HTTP port (PORT, default 4000; 0 picks a free one). */
  readonly port: number;
  /** HOST: the address the gateway listens on (default 127.0.0.1: this machine only). */
  readonly host: string;
  readonly logLevel: LogLevel;
  /** TMINUS_ADMIN_TOKEN: accepted as an ADMIN token; none is generated then. */
  readonly adminToken?: string;
  /** COMMAND_TIMEOUT_MS: how long a mutation waits for its outcome. */
  readonly commandTimeoutMs?: number;
  /** RATE_LIMIT_PER_MINUTE: requests per token on /graphql and /v1/gates (default: the gateway's 6000). */
  readonly rateLimitPerMinute?: number;
}

export const DEFAULT_PORT = 4000;
export const DEFAULT_DATA_DIR = './data';

const schema = z.object({
  TMINUS_DATA_DIR: z.string().trim().min(1).default(DEFAULT_DATA_DIR),
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be an integer')
    .min(0, 'PORT must be at least 0')
    .max(65535, 'PORT must be at most 65535')
    .default(DEFAULT_PORT),
  HOST: hostSetting,
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  TMINUS_ADMIN_TOKEN: z
    .string()
    .trim()
    .min(24, 'TMINUS_ADMIN_TOKEN must be at least 24 characters')
    .optional(),
  COMMAND_TIMEOUT_MS: z.coerce
    .number({ error: 'COMMAND_TIMEOUT_MS must be a number' })
    .int('COMMAND_TIMEOUT_MS must be an integer')
    .positive('COMMAND_TIMEOUT_MS must be positive')
    .optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'RATE_LIMIT_PER_MINUTE must be a number' })
    .int('RATE_LIMIT_PER_MINUTE must be an integer')
    .positive('RATE_LIMIT_PER_MINUTE must be positive')
    .optional(),
});

export class EmbeddedConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EmbeddedConfigError';
  }
}

/** Reads and validates the embedded mode's environment; throws {@link EmbeddedConfigError} naming every problem. */
export function loadEmbeddedConfig(env: NodeJS.ProcessEnv): EmbeddedConfig {
  // Empty strings count as unset, as shells and compose files often leave them.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new EmbeddedConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const {
    TMINUS_DATA_DIR,
    PORT,
    HOST,
    LOG_LEVEL,
    TMINUS_ADMIN_TOKEN,
    COMMAND_TIMEOUT_MS,
    RATE_LIMIT_PER_MINUTE,
  } = parsed.data;
  return {
    dataDir: TMINUS_DATA_DIR,
    port: PORT,
    host: HOST,
    logLevel: LOG_LEVEL,
    adminToken: TMINUS_ADMIN_TOKEN,
    commandTimeoutMs: COMMAND_TIMEOUT_MS,
    rateLimitPerMinute: RATE_LIMIT_PER_MINUTE,
  };
}
