import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../support/duration';
import { CliError } from '../support/exit-codes';
import { BEARER_TOKEN, safeField } from '../support/safe-text';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000';

/** The options as commander hands them over (after the parsers below). */
export interface RawGateOptions {
  readonly env: string;
  readonly wait?: number;
  readonly json?: boolean;
  readonly url?: string;
  readonly token?: string;
}

export interface GateOptions {
  readonly launch: string;
  readonly environment: string;
  /** Milliseconds to wait for ALLOWED; absent: answer at once. */
  readonly waitMs: number | null;
  readonly json: boolean;
  readonly baseUrl: URL;
  readonly token: string;
}

/** commander argParser for `--wait`: a usage error (exit 2) for a malformed duration. */
export function durationArgument(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

export function parseGatewayUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`invalid gateway URL '${safeField(raw)}' (e.g. ${DEFAULT_GATEWAY_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`invalid gateway URL '${safeField(raw)}': use http:// or https://`);
  }
  return url;
}

/** Fills the defaults from the environment and checks what commander cannot. */
export function resolveGateOptions(
  launch: string,
  raw: RawGateOptions,
  env: Readonly<Record<string, string | undefined>>,
): GateOptions {
  const environment = raw.env.trim();
  if (launch.trim() === '') throw new CliError('the launch (key or id) must not be empty');
  if (environment === '') throw new CliError('--env must name an environment, e.g. --env production');
  const token = (raw.token ?? env.TMINUS_TOKEN ?? '').trim();
  if (token === '') throw new CliError('no token: pass --token or set TMINUS_TOKEN (a PIPELINE token)');
  // Checked here, never echoed: fetch would otherwise quote the whole header in its error.
  if (!BEARER_TOKEN.test(token)) {
    const source = raw.token === undefined ? 'TMINUS_TOKEN' : '--token';
    throw new CliError(
      `the token in ${source} holds characters a token cannot have (spaces, line breaks or control characters): copy it again`,
    );
  }
  return {
    launch: launch.trim(),
    environment,
    waitMs: raw.wait ?? null,
    json: raw.json === true,
    baseUrl: parseGatewayUrl(raw.url ?? (env.TMINUS_URL?.trim() || DEFAULT_GATEWAY_URL)),
    token,
  };
}
