import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../support/duration';
import { resolveConnection, type Connection } from '../support/connection';
import { CliError } from '../support/exit-codes';

/** The options as commander hands them over (after the parsers below). */
export interface RawGateOptions {
  readonly env: string;
  readonly wait?: number;
  readonly json?: boolean;
  readonly url?: string;
  readonly token?: string;
}

export interface GateOptions extends Connection {
  readonly launch: string;
  readonly environment: string;
  /** Milliseconds to wait for ALLOWED; absent: answer at once. */
  readonly waitMs: number | null;
  readonly json: boolean;
}

/** commander argParser for `--wait`: a usage error (exit 2) for a malformed duration. */
export function durationArgument(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
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
  const connection = resolveConnection(raw, env, 'PIPELINE');
  return {
    launch: launch.trim(),
    environment,
    waitMs: raw.wait ?? null,
    json: raw.json === true,
    ...connection,
  };
}
