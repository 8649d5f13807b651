/** Child-process and pid helpers shared by the Kafka and PostgreSQL steps. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export type Log = (message: string) => void;

export interface CommandResult {
  readonly code: number | null;
  /** stdout and stderr interleaved, for error messages. */
  readonly output: string;
}

/** Runs a command to completion, capturing its output; rejects only if it cannot be started. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) =>
      reject(new Error(`Could not run ${command}: ${error.message}`, { cause: error })),
    );
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** The last `lines` lines of a file, or '' if it does not exist: used to explain failures. */
export function tailFile(path: string, lines: number): string {
  if (!existsSync(path)) return '';
  return tailText(readFileSync(path, 'utf8'), lines);
}

export function tailText(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** True if a process with this pid exists and has not exited (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * An exited process stays visible to kill(0) until its parent reaps it. A detached broker outlives
 * `npm run infra:up` and is re-parented to PID 1, which in some containers never reaps.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ...": comm may contain spaces and parentheses, so split after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/**
 * The command line of a process, or undefined where /proc is unavailable (macOS) or the process is
 * gone. Used to make sure a pid from a pid file still is our broker and not a recycled pid.
 */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/**
 * Polls until a process that is not our child has exited. Only a poll can observe that: a
 * non-child's exit raises no event.
 */
export async function waitForProcessExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
