import type { Fetch } from './gate/gate-client';
import type { ReadinessFeedOptions } from './gate/readiness-feed';
import type { ChangeFeed } from './gate/wait-for-gate';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: Fetch;
  readonly readinessFeed?: (options: ReadinessFeedOptions) => ChangeFeed;
}

export const processIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
