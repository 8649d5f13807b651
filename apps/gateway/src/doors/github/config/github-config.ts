import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** How the gateway authenticates to GitHub when it answers a protection rule. */
export type GithubCredentials =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'app'; readonly appId: string; readonly privateKeyPem: string }
  | { readonly kind: 'none' };

export interface GithubConfig {
  /** GITHUB_WEBHOOK_SECRET; null: the webhook answers 503 (not configured). */
  readonly webhookSecret: string | null;
  /** GITHUB_API_URL (default https://api.github.com; GitHub Enterprise: https://HOST/api/v3). */
  readonly apiUrl: URL;
  readonly credentials: GithubCredentials;
  /** GITHUB_PENDING_TTL_DAYS: stop waiting (and reject) after this many days; GitHub gives up at 30. */
  readonly pendingTtlDays: number;
  /** GITHUB_RECHECK_INTERVAL_MS: the slow sweep over pending deployments (time-based changes, retries). */
  readonly recheckIntervalMs: number;
}

export class GithubConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid GitHub configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GithubConfigError';
  }
}

const schema = z.object({
  GITHUB_WEBHOOK_SECRET: z
    .string()
    .min(16, 'GITHUB_WEBHOOK_SECRET must be at least 16 characters')
    .optional(),
  GITHUB_API_URL: z
    .string()
    .url('GITHUB_API_URL must be a URL, e.g. https://api.github.com')
    .refine((url) => /^https?:\/\//.test(url), 'GITHUB_API_URL must be http(s)')
    .default('https://api.github.com'),
  GITHUB_TOKEN: z.string().optional(),
  GITHUB_APP_ID: z.string().regex(/^\d+$/, 'GITHUB_APP_ID must be the numeric app id').optional(),
  GITHUB_APP_PRIVATE_KEY: z.string().optional(),
  GITHUB_APP_PRIVATE_KEY_FILE: z.string().optional(),
  GITHUB_PENDING_TTL_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(29, 'GITHUB_PENDING_TTL_DAYS must be below 30')
    .default(25),
  GITHUB_RECHECK_INTERVAL_MS: z.coerce.number().int().min(1_000).default(300_000),
});

/** A PEM passed through an environment variable often has its newlines escaped. */
const unescapePem = (pem: string): string => pem.replace(/\\n/g, '\n').trim();

function credentialsOf(data: z.infer<typeof schema>, problems: string[]): GithubCredentials {
  if (data.GITHUB_APP_ID) {
    let pem = data.GITHUB_APP_PRIVATE_KEY ? unescapePem(data.GITHUB_APP_PRIVATE_KEY) : '';
    if (!pem && data.GITHUB_APP_PRIVATE_KEY_FILE) {
      try {
        pem = readFileSync(data.GITHUB_APP_PRIVATE_KEY_FILE, 'utf8').trim();
      } catch (error) {
        problems.push(`GITHUB_APP_PRIVATE_KEY_FILE cannot be read: ${(error as Error).message}`);
        return { kind: 'none' };
      }
    }
    if (!pem) {
      problems.push('GITHUB_APP_ID needs GITHUB_APP_PRIVATE_KEY (PEM) or GITHUB_APP_PRIVATE_KEY_FILE');
      return { kind: 'none' };
    }
    try {
      createPrivateKey(pem);
    } catch {
      problems.push('GITHUB_APP_PRIVATE_KEY is not a PEM private key');
      return { kind: 'none' };
    }
    return { kind: 'app', appId: data.GITHUB_APP_ID, privateKeyPem: pem };
  }
  if (data.GITHUB_TOKEN) return { kind: 'token', token: data.GITHUB_TOKEN };
  return { kind: 'none' };
}

/** Reads the GitHub settings; throws {@link GithubConfigError} naming every problem. Empty values count as unset. */
export function loadGithubConfig(env: Readonly<Record<string, string | undefined>>): GithubConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw new GithubConfigError(parsed.error.issues.map((issue) => issue.message));
  const problems: string[] = [];
  const credentials = credentialsOf(parsed.data, problems);
  if (parsed.data.GITHUB_WEBHOOK_SECRET && credentials.kind === 'none' && problems.length === 0) {
    problems.push(
      'GITHUB_WEBHOOK_SECRET is set but no credentials: set GITHUB_TOKEN, or GITHUB_APP_ID and its private key',
    );
  }
  if (problems.length > 0) throw new GithubConfigError(problems);
  return {
    webhookSecret: parsed.data.GITHUB_WEBHOOK_SECRET ?? null,
    apiUrl: new URL(parsed.data.GITHUB_API_URL),
    credentials,
    pendingTtlDays: parsed.data.GITHUB_PENDING_TTL_DAYS,
    recheckIntervalMs: parsed.data.GITHUB_RECHECK_INTERVAL_MS,
  };
}
