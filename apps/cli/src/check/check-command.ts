import { Command, InvalidArgumentError, Option } from 'commander';
import { callGateway, jsonOf } from '../api/api-client';
import type { CliIo } from '../cli-io';
import { resolveConnection } from '../support/connection';
import { CliError, ExitCodes, type ExitCode } from '../support/exit-codes';
import { checkBodySchema } from './check-body';
import { formatCheck } from './format-check';

const HELP_AFTER = `
Every item of the launch that names the check is ticked (passed, with --url as evidence) or reopened
(failed: the readiness blocker says the check failed). Reporting the same result twice changes nothing.

Exit status:
  0  recorded
  2  usage, token, unknown launch or check (CHECK_NOT_FOUND) or connection error

Environment:
  TMINUS_URL    gateway URL when --url is not given (default http://127.0.0.1:4000)
  TMINUS_TOKEN  a PIPELINE token when --token is not given

Examples:
  tminus check checkout-v2 --name e2e-tests --status passed --url "$CI_JOB_URL"
  tminus check checkout-v2 --name e2e-tests --status failed --json`;

interface RawCheckOptions {
  readonly name: string;
  readonly status: 'passed' | 'failed';
  readonly url?: string;
  readonly json?: boolean;
  readonly gateway?: string;
  readonly token?: string;
}

const CHECK_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const checkName = (value: string): string => {
  if (!CHECK_NAME.test(value))
    throw new InvalidArgumentError(
      "a check name is 1-64 lower-case letters, digits, '.', '_' or '-' (e.g. e2e-tests)",
    );
  return value;
};

/** `tminus check <launch> --name <check> --status passed|failed [--url URL] [--json]`. */
export function checkCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('check')
    .description('Report a CI result: items naming the check are ticked (passed) or reopened (failed)')
    .argument('<launch>', 'launch key or id')
    .requiredOption('-n, --name <check>', 'the check, as items name it (e.g. e2e-tests)', checkName)
    .addOption(
      new Option('-s, --status <status>', 'the result').choices(['passed', 'failed']).makeOptionMandatory(),
    )
    .option('--url <url>', 'the CI run: evidence when passed, shown in the blocker when failed')
    .option('--json', 'print the answer as JSON (the REST body)')
    .option('--gateway <url>', 'gateway URL (default: $TMINUS_URL or http://127.0.0.1:4000)')
    .option('--token <token>', 'bearer token (default: $TMINUS_TOKEN)')
    .addHelpText('after', HELP_AFTER)
    .action(async (launch: string, raw: RawCheckOptions) => {
      setExitCode(await runCheck(launch, raw, io));
    });
}

async function runCheck(launch: string, raw: RawCheckOptions, io: CliIo): Promise<ExitCode> {
  if (launch.trim() === '') throw new CliError('the launch (key or id) must not be empty');
  const connection = resolveConnection(
    { url: raw.gateway, token: raw.token },
    io.env,
    'PIPELINE',
    '--gateway',
  );
  const answer = await callGateway(
    connection,
    {
      method: 'POST',
      path: 'v1/checks',
      body: {
        launch: launch.trim(),
        check: raw.name,
        status: raw.status,
        ...(raw.url ? { url: raw.url } : {}),
      },
    },
    io.fetch,
  );
  const json = jsonOf(answer);
  const body = checkBodySchema.safeParse(json);
  if (!body.success)
    throw new CliError(`the gateway at ${answer.url.origin} answered with a body that is not a check result`);
  io.stdout(raw.json ? `${JSON.stringify(json, null, 2)}\n` : formatCheck(body.data));
  return ExitCodes.ALLOWED;
}
