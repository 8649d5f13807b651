import { hostname } from 'node:os';
import { hostSetting } from '@tminus/service-kit';
import { z } from 'zod';

const positiveInt = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed <= 0) {
        context.addIssue({
          code: 'custom',
          message: `${name} must be a positive whole number, got "${value}"`,
        });
        return z.NEVER;
      }
      return parsed;
    });

const envSchema = z.object({
  PORT: positiveInt('PORT', 4000).refine((port) => port <= 65535, 'PORT must be at most 65535'),
  HOST: hostSetting,
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (the gateway database, e.g. postgres://…/tminus_gateway)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
  KAFKA_BROKERS: z
    .string({ error: 'KAFKA_BROKERS is required (comma-separated host:port list)' })
    .transform((value) =>
      value
        .split(',')
        .map((broker) => broker.trim())
        .filter((broker) => broker.length > 0),
    )
    .refine((brokers) => brokers.length > 0, 'KAFKA_BROKERS must name at least one broker'),
  KAFKA_CLIENT_ID: z.string().default('tminus-gateway'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TMINUS_DATA_DIR: z.string().default('./data'),
  TMINUS_ADMIN_TOKEN: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined))
    .refine(
      (value) => value === undefined || value.length >= 24,
      'TMINUS_ADMIN_TOKEN must be at least 24 characters',
    ),
  GATEWAY_INSTANCE_ID: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : hostname()))
    .refine(
      (value) => /^[A-Za-z0-9._-]{1,100}$/.test(value),
      'GATEWAY_INSTANCE_ID: letters, digits, . _ - only',
    ),
  COMMAND_TIMEOUT_MS: positiveInt('COMMAND_TIMEOUT_MS', 10_000),
  /** Requests per token per minute on /graphql and /v1/gates, per instance (over it: 429 RATE_LIMITED). */
  RATE_LIMIT_PER_MINUTE: positiveInt('RATE_LIMIT_PER_MINUTE', 6_000),
  KAFKA_TOPIC_NAMESPACE: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined))
    .refine(
      (value) => value === undefined || /^[a-z0-9][a-z0-9_-]{0,39}$/.test(value),
      'KAFKA_TOPIC_NAMESPACE must be lower-case letters, digits, - or _ (at most 40)',
    ),
});

export type GatewayConfig = z.output<typeof envSchema>;

/** The distributed entry's configuration; throws one message listing every problem. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  - ${issue.path.join('.') || 'env'}: ${issue.message}`,
  );
  throw new Error(`Invalid gateway configuration:\n${problems.join('\n')}`);
}
