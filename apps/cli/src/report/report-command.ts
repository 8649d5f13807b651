import { Command, Option } from 'commander';
import { callGateway } from '../api/api-client';
import type { CliIo } from '../cli-io';
import { resolveConnection } from '../support/connection';
import { CliError, ExitCodes, type ExitCode } from '../support/exit-codes';

interface RawReportOptions {
  readonly format: 'md' | 'csv';
  readonly url?: string;
  readonly token?: string;
}

/**
 * `tminus report <launch> [--format md|csv]`: the readiness report as the gateway renders it
 * (GET /v1/launches/<launch>/report), on stdout. Needs a token that may read launches (not PIPELINE).
 */
export function reportCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('report')
    .description('Print the readiness report of a launch (Markdown or CSV)')
    .argument('<launch>', 'launch key or id')
    .addOption(new Option('-f, --format <format>', 'md or csv').choices(['md', 'csv']).default('md'))
    .option('--url <url>', 'gateway URL (default: $TMINUS_URL or http://127.0.0.1:4000)')
    .option('--token <token>', 'bearer token (default: $TMINUS_TOKEN); a PIPELINE token may not read reports')
    .action(async (launch: string, raw: RawReportOptions) => {
      if (launch.trim() === '') throw new CliError('the launch (key or id) must not be empty');
      const connection = resolveConnection(raw, io.env, 'LAUNCH_MANAGER');
      const answer = await callGateway(
        connection,
        {
          method: 'GET',
          path: `v1/launches/${encodeURIComponent(launch.trim())}/report?format=${raw.format}`,
          accept: raw.format === 'csv' ? 'text/csv' : 'text/markdown',
        },
        io.fetch,
      );
      // The CLI never prints a bare CR (it could overwrite a line on a terminal): CSV rows end in LF here.
      io.stdout(answer.text.replace(/\r\n/g, '\n'));
      setExitCode(ExitCodes.ALLOWED);
    });
}
