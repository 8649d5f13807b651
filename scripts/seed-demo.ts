/**
 * `npm run seed:demo`: fills a running tminus with a realistic sample (teams, templates, a launch in
 * planning with a blocker, a live launch in hypercare with incidents) through the public GraphQL
 * API only. Safe to run twice: what exists by key is left alone.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { GraphqlClient } from '../apps/embedded/src/client/graphql-client';
import { DemoApi } from './seed-demo/api';
import { DemoSeeder } from './seed-demo/seeder';
import { describeUnreachable } from './seed-demo/unreachable';

interface SeedCliOptions {
  readonly url: string;
  readonly token?: string;
  readonly dataDir: string;
}

async function adminToken(options: SeedCliOptions): Promise<string> {
  if (options.token) return options.token;
  if (process.env.TMINUS_TOKEN) return process.env.TMINUS_TOKEN;
  const file = resolve(join(options.dataDir, 'admin.token'));
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    throw new Error(`no token: pass --token, set TMINUS_TOKEN, or start tminus once so that ${file} exists`);
  }
}

async function seed(options: SeedCliOptions): Promise<void> {
  const token = await adminToken(options);
  const api = new DemoApi(new GraphqlClient({ url: options.url, token }), options.url);
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const startedAt = Date.now();
  await new DemoSeeder(api, log).run();
  log(
    `demo data in place (${((Date.now() - startedAt) / 1000).toFixed(1)} s); open ${options.url.replace(/\/graphql$/, '/graphiql')}`,
  );
}

const program = new Command()
  .name('seed:demo')
  .description('Create demo teams, templates and launches in a running tminus, through its GraphQL API.')
  .option(
    '--url <url>',
    'GraphQL endpoint',
    process.env.TMINUS_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}/graphql`,
  )
  .option('--token <token>', 'an ADMIN token (default: $TMINUS_TOKEN, then <data dir>/admin.token)')
  .option('--data-dir <dir>', 'where to find admin.token', process.env.TMINUS_DATA_DIR ?? './data')
  .action(async (options: SeedCliOptions) => {
    try {
      await seed(options);
    } catch (error) {
      const message = describeUnreachable(error, options.url) ?? (error as Error).message;
      process.stderr.write(`seed:demo failed: ${message}\n`);
      process.exitCode = 1;
    }
  });

void program.parseAsync(process.argv);
