import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io';
import { checkCommand } from './check/check-command';
import { applyCommand, exportCommand } from './config/config-commands';
import { gateCommand } from './gate/gate-command';
import { reportCommand } from './report/report-command';
import { CliError, ExitCodes, type ExitCode } from './support/exit-codes';
import { safeOutput } from './support/safe-text';

export const CLI_VERSION = '0.1.0';

function program(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const output = {
    writeOut: (text: string) => io.stdout(text),
    writeErr: (text: string) => io.stderr(text),
  };
  const root = new Command('tminus')
    .description('tminus: launch readiness and release gates for deploy pipelines')
    .version(CLI_VERSION)
    .configureOutput(output)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  // Subcommands do not inherit the output and exit settings: set them on each.
  for (const command of [
    gateCommand(io, setExitCode),
    checkCommand(io, setExitCode),
    reportCommand(io, setExitCode),
    applyCommand(io, setExitCode),
    exportCommand(io, setExitCode),
  ]) {
    root.addCommand(
      command.configureOutput(output).exitOverride().showHelpAfterError('(run with --help for usage)'),
    );
  }
  return root;
}

/**
 * Runs the CLI on `args` (without node and the script) and returns the exit status: the command's,
 * 0 after --help/--version, 2 for any usage, token or connection error (commander's included).
 */
export async function runCli(args: readonly string[], unfiltered: CliIo): Promise<number> {
  const io = filteredIo(unfiltered, secretsOf(args, unfiltered.env));
  let exitCode: ExitCode = ExitCodes.ERROR;
  try {
    await program(io, (code) => (exitCode = code)).parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : ExitCodes.ERROR;
    if (error instanceof CliError) {
      io.stderr(`tminus: ${error.message}\n`);
      return ExitCodes.ERROR;
    }
    io.stderr(
      `tminus: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return ExitCodes.ERROR;
  }
}

/** The tokens this run was given: no output may show them, whatever message they end up in. */
export function secretsOf(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const given = [env.TMINUS_TOKEN];
  args.forEach((arg, i) => {
    if (arg === '--token') given.push(args[i + 1]);
    else if (arg.startsWith('--token=')) given.push(arg.slice('--token='.length));
  });
  const secrets = given.flatMap((value) => (value ? [value, value.trim()] : []));
  // Longest first, so a trimmed token inside the untrimmed one does not leave its whitespace behind.
  return [...new Set(secrets)].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
}

const filteredIo = (io: CliIo, secrets: readonly string[]): CliIo => ({
  ...io,
  stdout: (text) => io.stdout(safeOutput(text, secrets)),
  stderr: (text) => io.stderr(safeOutput(text, secrets)),
});
