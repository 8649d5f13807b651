import { hostname } from 'node:os';
import { presentEnv, serviceEnvSchema } from '@tminus/service-kit';
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

const DEFAULT_PORT = 4000;

/** The gateway's own settings; the ones all four apps share come from service-kit (same messages). */
const gatewayEnv = z.object({
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
});

const envSchema = serviceEnvSchema({ service: 'gateway', port: DEFAULT_PORT }).extend(gatewayEnv.shape);

export type GatewayConfig = z.output<typeof envSchema>;

/** The distributed entry's configuration; throws one message listing every problem. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const result = envSchema.safeParse(presentEnv(env));
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  - ${issue.path.join('.') || 'env'}: ${issue.message}`,
  );
  throw new Error(`Invalid gateway configuration:\n${problems.join('\n')}`);
}
