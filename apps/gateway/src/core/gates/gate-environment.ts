import { ENVIRONMENT_PATTERN } from '@tminus/contracts';

/**
 * Environment names as the launches service accepts them (the contracts' ENVIRONMENT_PATTERN): gate
 * policies are stored under such names, and an audit with any other name would be rejected there and lost.
 */
export type EnvironmentParse =
  { readonly ok: true; readonly environment: string } | { readonly ok: false; readonly message: string };

/**
 * Reads an environment name, case-insensitively: "Production" is `production`. Failing that would
 * fail open, since an unknown name gets the lenient non-production default policy.
 */
export function parseGateEnvironment(raw: unknown): EnvironmentParse {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, message: 'environment is required, e.g. ?environment=production' };
  }
  const environment = raw.trim().toLowerCase();
  if (!ENVIRONMENT_PATTERN.test(environment)) {
    return {
      ok: false,
      message:
        `environment ${JSON.stringify(raw)} is not valid: use up to 63 letters, digits, dots, dashes or ` +
        'underscores, starting with a letter or digit',
    };
  }
  return { ok: true, environment };
}
