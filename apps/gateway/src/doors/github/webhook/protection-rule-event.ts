import { z } from 'zod';

/**
 * The fields of a `deployment_protection_rule` webhook the gateway uses (GitHub sends many more).
 * `deployment_callback_url` is where the review goes: POST {environment_name, state?, comment}.
 */
const schema = z.object({
  action: z.string(),
  environment: z.string().trim().min(1).max(255),
  event: z.string().nullish(),
  deployment_callback_url: z.string().url().max(2_000),
  sha: z.string().nullish(),
  ref: z.string().nullish(),
  deployment: z
    .object({ id: z.number().nullish(), sha: z.string().nullish(), ref: z.string().nullish() })
    .loose()
    .nullish(),
  repository: z.object({ full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/) }).loose(),
  installation: z.object({ id: z.number().int().positive() }).loose().nullish(),
});

export interface ProtectionRuleRequest {
  readonly repository: string;
  /** GitHub's environment name, as configured there (case kept for the review call). */
  readonly environment: string;
  readonly callbackUrl: string;
  readonly installationId: number | null;
  readonly sha: string | null;
  readonly ref: string | null;
}

export type ParsedWebhook =
  | { readonly kind: 'request'; readonly request: ProtectionRuleRequest }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly message: string };

/** What a verified webhook asks of the gateway: a review request, something to ignore, or garbage. */
export function parseWebhook(event: string | undefined, payload: unknown): ParsedWebhook {
  if (event !== 'deployment_protection_rule')
    return { kind: 'ignored', reason: `event ${event ?? '(none)'} is not handled` };
  if (typeof payload !== 'object' || payload === null)
    return { kind: 'invalid', message: 'the body is not a JSON object' };
  const action = (payload as { action?: unknown }).action;
  if (action !== 'requested') return { kind: 'ignored', reason: `action ${String(action)} is not handled` };
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', message: `${issue.path.join('.') || 'payload'}: ${issue.message}` };
  }
  const data = parsed.data;
  return {
    kind: 'request',
    request: {
      repository: data.repository.full_name,
      environment: data.environment,
      callbackUrl: data.deployment_callback_url,
      installationId: data.installation?.id ?? null,
      sha: data.deployment?.sha ?? data.sha ?? null,
      ref: data.deployment?.ref ?? data.ref ?? null,
    },
  };
}
