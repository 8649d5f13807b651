import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The repository's `tminus` binary (bin/tminus.js runs the CLI that `npm run build` compiled). */
export const TMINUS_BIN = join(__dirname, '..', '..', '..', 'bin', 'tminus.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tminus` in a child process as a pipeline would: only PATH and the variables given. */
export function runTminus(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun> {
  const child = spawn(process.execPath, [TMINUS_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
