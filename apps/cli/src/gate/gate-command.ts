import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { formatDuration } from '../support/duration';
import { ExitCodes, type ExitCode } from '../support/exit-codes';
import { safeField } from '../support/safe-text';
import { fetchGate, type GateAnswer } from './gate-client';
import { durationArgument, resolveGateOptions, type GateOptions, type RawGateOptions } from './gate-options';
import { formatGate, formatGateJson } from './format-gate';
import { readinessFeed } from './readiness-feed';
import { waitForGate } from './wait-for-gate';

const HELP_AFTER = `
Output: the decision, the blockers when denied, and the launch's open incidents (severity, source, id in the
on-call tool, link) when there are any; incidents never change the decision.

Exit status:
  0  ALLOWED
  1  DENIED (also when --wait ran out of time)
  2  usage, token, unknown launch or connection error

Environment:
  TMINUS_URL    gateway URL when --url is not given (default http://127.0.0.1:4000)
  TMINUS_TOKEN  bearer token when --token is not given (prefer it: arguments show in process lists)

Examples:
  tminus gate checkout-v2 --env production
  tminus gate checkout-v2 --env production --wait 15m --json`;

/** `tminus gate <launch> --env <environment> [--wait <duration>] [--json] [--url] [--token]`. */
export function gateCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('gate')
    .description('Ask the release gate whether a launch may go to an environment')
    .argument('<launch>', 'launch key or id')
    .requiredOption('-e, --env <environment>', 'target environment, e.g. production')
    .option(
      '-w, --wait <duration>',
      'wait until ALLOWED, at most this long (e.g. 30s, 5m, 1h)',
      durationArgument,
    )
    .option('--json', 'print the gate decision as JSON (the REST body)')
    .option('--url <url>', 'gateway URL (default: $TMINUS_URL or http://127.0.0.1:4000)')
    .option('--token <token>', 'bearer token (default: $TMINUS_TOKEN)')
    .addHelpText('after', HELP_AFTER)
    .action(async (launch: string, raw: RawGateOptions) => {
      setExitCode(await runGate(resolveGateOptions(launch, raw, io.env), io));
    });
}

async function runGate(options: GateOptions, io: CliIo): Promise<ExitCode> {
  const query = {
    baseUrl: options.baseUrl,
    token: options.token,
    launch: options.launch,
    environment: options.environment,
    urlSource: options.urlSource,
    tokenSource: options.tokenSource,
  };
  const check = () => fetchGate(query, io.fetch);
  let answer = await check();
  if (answer.body.decision === 'DENIED' && options.waitMs !== null) {
    answer = await waitFor(answer, options, options.waitMs, check, io);
  }
  io.stdout(options.json ? formatGateJson(answer.raw) : formatGate(answer.body));
  return answer.body.decision === 'ALLOWED' ? ExitCodes.ALLOWED : ExitCodes.DENIED;
}

async function waitFor(
  first: GateAnswer,
  options: GateOptions,
  waitMs: number,
  check: () => Promise<GateAnswer>,
  io: CliIo,
): Promise<GateAnswer> {
  const { launch, environment } = first.body;
  io.stderr(
    `waiting: ${safeField(launch.key)} → ${safeField(environment)}: DENIED (${first.body.reasons.length} blocker(s)); ` +
      `waiting up to ${formatDuration(waitMs)} for readiness changes…\n`,
  );
  const feed = (io.readinessFeed ?? readinessFeed)({
    baseUrl: options.baseUrl,
    token: options.token,
    launchId: launch.id,
  });
  const started = Date.now();
  const answer = await waitForGate({
    first,
    check,
    feed,
    timeoutMs: waitMs,
    onTransientError: (error) => io.stderr(`warning: ${error.message}; still waiting\n`),
  });
  if (answer.body.decision === 'DENIED') io.stderr(`gave up after ${formatDuration(Date.now() - started)}\n`);
  return answer;
}
