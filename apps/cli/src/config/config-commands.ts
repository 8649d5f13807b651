import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { graphql } from '../api/graphql';
import type { CliIo } from '../cli-io';
import { resolveConnection, type Connection } from '../support/connection';
import { CliError, ExitCodes, type ExitCode } from '../support/exit-codes';
import { readCurrentState, type CurrentState } from './current-state';
import { configYaml, exportConfig } from './export-config';
import { parseConfig } from './parse-config';
import { formatPlan, planOf, type Ids, type PlanEntry } from './plan';

interface ConnectionOptions {
  readonly url?: string;
  readonly token?: string;
}

const ENV_HELP = `
Environment:
  TMINUS_URL    gateway URL when --url is not given (default http://127.0.0.1:4000)
  TMINUS_TOKEN  an ADMIN token (teams are created by admins) when --token is not given`;

/** `tminus apply -f <file.yaml> [--dry-run]`. */
export function applyCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('apply')
    .description(
      'Create or update teams, templates, launches and incident sources from a YAML file (through the public API)',
    )
    .requiredOption(
      '-f, --file <file>',
      'the configuration file (schema: docs/schema/tminus-config.schema.json)',
    )
    .option('--dry-run', 'print the plan, change nothing')
    .option('--url <url>', 'gateway URL (default: $TMINUS_URL or http://127.0.0.1:4000)')
    .option('--token <token>', 'bearer token (default: $TMINUS_TOKEN)')
    .addHelpText(
      'after',
      `\nIt prints a plan (create / update / unchanged per object) and applies it; the same file again says
"no changes". A file with an error changes nothing and names the line and field.\n${ENV_HELP}`,
    )
    .action(async (raw: ConnectionOptions & { file: string; dryRun?: boolean }) => {
      let source: string;
      try {
        source = await readFile(raw.file, 'utf8');
      } catch (error) {
        throw new CliError(
          `cannot read ${raw.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
      }
      // The file is checked before anything is asked of the gateway: a bad file changes nothing.
      const config = parseConfig(source, raw.file);
      const connection = resolveConnection(raw, io.env, 'ADMIN');
      const current = await readCurrentState(connection, io.fetch);
      const plan = planOf(config, current);
      io.stdout(formatPlan(plan));
      if (raw.dryRun) {
        if (plan.some((entry) => entry.action !== 'unchanged')) io.stdout('dry run: nothing was changed\n');
      } else {
        await applyPlan(plan, current, connection, io);
      }
      setExitCode(ExitCodes.ALLOWED);
    });
}

async function applyPlan(
  plan: readonly PlanEntry[],
  current: CurrentState,
  connection: Connection,
  io: CliIo,
) {
  const created = { team: new Map<string, string>(), launch: new Map<string, string>() };
  const ids: Ids = {
    team: (key) =>
      created.team.get(key) ??
      current.teams.find((team) => team.key === key)?.id ??
      fail(`team ${key} does not exist (add it under teams:)`),
    launch: (key) =>
      created.launch.get(key) ??
      current.launches.find((launch) => launch.key === key)?.id ??
      fail(`launch ${key} does not exist`),
  };
  let done = 0;
  for (const item of plan) {
    for (const step of item.steps) {
      try {
        const data = await graphql<Record<string, { id: string }>>(
          connection,
          step.query,
          step.variables(ids),
          io.fetch,
        );
        if (step.creates) created[step.creates.kind].set(step.creates.key, data[step.creates.field].id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new CliError(
          `${item.kind} ${item.name}: ${message} (${done} change(s) applied before this one; apply again to continue)`,
        );
      }
      done += 1;
    }
  }
  if (done > 0) io.stdout(`applied ${done} change(s)\n`);
}

const fail = (message: string): never => {
  throw new CliError(message);
};

/** `tminus export [--launch KEY]`. */
export function exportCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('export')
    .description(
      'Print teams, templates, launches and incident sources as YAML that `tminus apply` takes back unchanged',
    )
    .option(
      '--launch <key>',
      'only this launch, the teams it requires, their templates and its incident sources',
    )
    .option('--url <url>', 'gateway URL (default: $TMINUS_URL or http://127.0.0.1:4000)')
    .option('--token <token>', 'bearer token (default: $TMINUS_TOKEN)')
    .addHelpText('after', ENV_HELP)
    .action(async (raw: ConnectionOptions & { launch?: string }) => {
      const connection = resolveConnection(raw, io.env, 'ADMIN');
      const state = await readCurrentState(connection, io.fetch);
      if (raw.launch !== undefined && !state.launches.some((launch) => launch.key === raw.launch))
        throw new CliError(`no launch with key ${raw.launch}`, 'LAUNCH.NOT_FOUND');
      io.stdout(configYaml(exportConfig(state, raw.launch)));
      setExitCode(ExitCodes.ALLOWED);
    });
}
