import { tokenHint, urlHint, withTrailingSlash, type Connection } from '../support/connection';
import { CliError } from '../support/exit-codes';
import { safeField } from '../support/safe-text';
import { errorBodySchema, gateBodySchema, type GateBody } from './gate-body';

export interface GateQuery {
  readonly baseUrl: URL;
  readonly token: string;
  /** Launch key or id. */
  readonly launch: string;
  readonly environment: string;
  /** Where the URL and token came from, so errors name the setting to change. */
  readonly urlSource?: Connection['urlSource'];
  readonly tokenSource?: Connection['tokenSource'];
}

/** One answer of the REST gate: the validated body and the JSON exactly as received (for `--json`). */
export interface GateAnswer {
  readonly body: GateBody;
  readonly raw: unknown;
}

export type Fetch = typeof fetch;

/** A single request never hangs a pipeline step for longer than this. */
export const REQUEST_TIMEOUT_MS = 15_000;

export const gateUrl = (query: GateQuery): URL => {
  const url = new URL(`v1/gates/${encodeURIComponent(query.launch)}`, withTrailingSlash(query.baseUrl));
  url.searchParams.set('environment', query.environment);
  return url;
};

/**
 * Asks the REST gate once. Resolves with the decision (200 ALLOWED / 412 DENIED); throws a
 * {@link CliError} for everything else: `retryable` when the gateway could not be reached or
 * failed on its side (worth asking again while waiting), not for a refused token or an unknown launch.
 */
export async function fetchGate(query: GateQuery, fetchImpl: Fetch = fetch): Promise<GateAnswer> {
  const url = gateUrl(query);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${query.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new GateUnavailableError(
      `cannot reach the gateway at ${url.origin}${url.pathname}: ${describe(error)}; ${urlHint(query.urlSource)}`,
    );
  }
  const raw = await readJson(response);
  if (response.status === 200 || response.status === 412) return decisionOf(response.status, raw);
  throw errorOf(response.status, raw, url, query);
}

/** The gateway was unreachable or failed on its side: asking again later may work. */
export class GateUnavailableError extends CliError {
  readonly retryable = true;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function decisionOf(status: number, raw: unknown): GateAnswer {
  const parsed = gateBodySchema.safeParse(raw);
  if (!parsed.success)
    throw new CliError(`the gateway answered HTTP ${status} with a body that is not a gate decision`);
  const expected = status === 200 ? 'ALLOWED' : 'DENIED';
  if (parsed.data.decision !== expected) {
    throw new CliError(
      `the gateway answered HTTP ${status} with decision ${safeField(parsed.data.decision)}`,
    );
  }
  return { body: parsed.data, raw };
}

function errorOf(status: number, raw: unknown, url: URL, query: GateQuery): CliError {
  const parsed = errorBodySchema.safeParse(raw);
  const detail = parsed.success
    ? `${safeField(parsed.data.error.code)}: ${safeField(parsed.data.error.message)}`
    : `HTTP ${status}`;
  const code = parsed.success ? safeField(parsed.data.error.code) : undefined;
  if (status === 401)
    return new CliError(
      `the gateway at ${url.origin} refused the token (${detail}); ${tokenHint(query.tokenSource)}`,
      code,
    );
  if (status === 403)
    return new CliError(`the token may not read gates (${detail}); ${tokenHint(query.tokenSource)}`, code);
  if (status === 404 && !parsed.success) {
    return new CliError(
      `no release gate at ${url.origin}${url.pathname} (HTTP 404): is it a tminus gateway? ${urlHint(query.urlSource)}`,
    );
  }
  if (status === 404 || status === 400) return new CliError(detail, code);
  if (status >= 500) return new GateUnavailableError(`the gateway at ${url.origin} failed (${detail})`, code);
  return new CliError(`unexpected answer from the gateway (${detail})`, code);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000}s`;
    // fetch says "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, "bad port").
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code;
      return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
    }
    return error.message;
  }
  return String(error);
}
