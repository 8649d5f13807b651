import type { Fetch } from '../gate/gate-client';
import { errorBodySchema } from '../gate/gate-body';
import { tokenHint, urlHint, withTrailingSlash, type Connection } from '../support/connection';
import { CliError } from '../support/exit-codes';
import { safeField } from '../support/safe-text';

/** A single request never hangs a pipeline step for longer than this. */
export const API_TIMEOUT_MS = 30_000;

export interface ApiRequest {
  readonly method: 'GET' | 'POST';
  /** Relative to the gateway URL, e.g. `v1/checks`. */
  readonly path: string;
  readonly body?: unknown;
  readonly accept?: string;
}

export interface ApiAnswer {
  readonly status: number;
  readonly text: string;
  readonly url: URL;
}

/**
 * One request to the gateway's REST or GraphQL endpoint. Every failure becomes a {@link CliError}
 * naming the URL tried and the setting to change (TMINUS_URL / --url, TMINUS_TOKEN / --token).
 * Answers 2xx as they are; other statuses as errors with the gateway's code when it sent one.
 */
export async function callGateway(
  connection: Connection,
  request: ApiRequest,
  fetchImpl: Fetch = fetch,
): Promise<ApiAnswer> {
  const url = new URL(request.path, withTrailingSlash(connection.baseUrl));
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${connection.token}`,
        accept: request.accept ?? 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
  } catch (error) {
    throw new CliError(
      `cannot reach the gateway at ${url.origin}${url.pathname}: ${describe(error)}; ${urlHint(connection.urlSource)}`,
    );
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { status: response.status, text, url };
  throw errorOf(response.status, text, url, connection);
}

/** The JSON of a 2xx answer; a body that is not JSON is reported with where it came from. */
export function jsonOf(answer: ApiAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new CliError(
      `the gateway at ${answer.url.origin}${answer.url.pathname} answered HTTP ${answer.status} with a body that is not JSON: is it a tminus gateway?`,
    );
  }
}

function errorOf(status: number, text: string, url: URL, connection: Connection): CliError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const body = errorBodySchema.safeParse(parsed);
  const where = `${url.origin}${url.pathname}`;
  if (!body.success) {
    if (status === 404)
      return new CliError(
        `nothing at ${where} (HTTP 404): is it a tminus gateway? ${urlHint(connection.urlSource)}`,
      );
    return new CliError(`the gateway at ${where} answered HTTP ${status}`);
  }
  const code = safeField(body.data.error.code);
  const detail = `${code}: ${safeField(body.data.error.message)}`;
  if (status === 401)
    return new CliError(
      `the gateway at ${url.origin} refused the token (${detail}); ${tokenHint(connection.tokenSource)}`,
      code,
    );
  if (status === 403)
    return new CliError(`the token may not do this (${detail}); ${tokenHint(connection.tokenSource)}`, code);
  return new CliError(detail, code);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${API_TIMEOUT_MS / 1000}s`;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}
