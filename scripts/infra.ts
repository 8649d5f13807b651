/**
 * Local infrastructure without Docker: a real Apache Kafka broker (jars from Maven Central) and
 * the services' PostgreSQL databases.
 *
 *   npm run infra:up       start (idempotent), create topics and databases
 *   npm run infra:down     stop the broker started by infra:up
 *   npm run infra:status   exit 0 if everything is up, 1 otherwise
 *
 * Environment: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093), PG_ADMIN_URL
 * (postgres://postgres@127.0.0.1:5432/postgres). The logic lives in scripts/infra/.
 */
import { Command } from 'commander';
import {
  defaultContext,
  infraDown,
  infraStatus,
  infraUp,
  redactUrl,
  type InfraContext,
  type InfraStatus,
  type InfraUpResult,
} from './infra/index';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function up(ctx: InfraContext): Promise<void> {
  const result = await infraUp(ctx);
  printUp(ctx, result);
}

function printUp(ctx: InfraContext, result: InfraUpResult): void {
  const { kafka } = result;
  const { log, paths } = ctx;
  const state = kafka.started
    ? `started (pid ${kafka.pid})`
    : `already running${kafka.pid ? ` (pid ${kafka.pid})` : ''}`;
  log(`Kafka: ${state}; jars ${kafka.jars}`);
  log(
    `Topics: ${result.createdTopics.length > 0 ? `created ${result.createdTopics.join(', ')}` : 'all present'}`,
  );
  log(
    `Databases: ${result.createdDatabases.length > 0 ? `created ${result.createdDatabases.join(', ')}` : 'all present'}`,
  );
  log('');
  log(`Logs:          ${paths.kafka.serverLog}`);
  log(`               ${paths.kafka.stdoutLog}`);
  log(`KAFKA_BROKERS=${kafka.brokers.join(',')}`);
  log(`PG_ADMIN_URL=${redactUrl(ctx.settings.pgAdminUrl)}`);
  for (const [name, url] of Object.entries(result.databaseUrls))
    log(`  ${name.padEnd(18)} ${redactUrl(url)}`);
  log(`Ready in ${seconds(result.elapsedMs)}`);
}

async function down(ctx: InfraContext): Promise<void> {
  const outcome = await infraDown(ctx);
  const messages = {
    'not-running': 'Kafka: not running (no live pid in the pid file); nothing to stop',
    stopped: 'Kafka: stopped',
    killed: 'Kafka: did not stop within 15 s after SIGTERM; killed',
  } as const;
  ctx.log(messages[outcome]);
}

async function status(ctx: InfraContext): Promise<void> {
  const report = await infraStatus(ctx);
  printStatus(ctx.log, report);
  process.exitCode = report.healthy ? 0 : 1;
}

function printStatus(log: (line: string) => void, s: InfraStatus): void {
  const mark = (ok: boolean): string => (ok ? 'ok  ' : 'FAIL');
  const pid = s.kafka.pid === undefined ? 'no pid file' : `pid ${s.kafka.pid}`;
  log(
    `${mark(s.kafka.answering)} kafka ${s.kafka.brokers.join(',')} ${s.kafka.answering ? 'answers' : 'does not answer'} (${pid})`,
  );
  for (const t of s.topics) {
    const actual = t.partitions === undefined ? 'missing' : `${t.partitions} partition(s)`;
    log(
      `${mark(t.partitions === t.expectedPartitions)} topic ${t.name}: ${actual}, expected ${t.expectedPartitions}`,
    );
  }
  log(
    `${mark(s.postgres.answering)} postgres ${s.postgres.answering ? 'answers' : `does not answer: ${s.postgres.error}`}`,
  );
  for (const d of s.databases) log(`${mark(d.present)} database ${d.name}${d.present ? '' : ' missing'}`);
  log(s.healthy ? 'All up.' : 'Not all up (`npm run infra:up` starts and creates what is missing).');
}

/** Reports a failure as one readable message (the causes are already in it) and exit code 1. */
function handled(action: (ctx: InfraContext) => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await action(defaultContext());
    } catch (e) {
      console.error(`infra: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
  };
}

const program = new Command()
  .name('infra')
  .description('Local Kafka broker (from Maven Central jars, no Docker) and PostgreSQL databases for tminus.')
  .addHelpText(
    'after',
    '\nEnvironment:\n' +
      '  KAFKA_PORT             broker port (default 19092)\n' +
      '  KAFKA_CONTROLLER_PORT  KRaft controller port (default 19093)\n' +
      '  PG_ADMIN_URL           server to create databases on (default postgres://postgres@127.0.0.1:5432/postgres)\n' +
      '\nState, jars and logs live in .infra/ (delete it for a clean slate).',
  );
program
  .command('up')
  .description('start Kafka if not running, create the contract topics and the service databases')
  .action(handled(up));
program
  .command('down')
  .description('stop the Kafka broker started by `up` (SIGTERM, SIGKILL after 15 s)')
  .action(handled(down));
program
  .command('status')
  .description('show broker, topics and databases; exit 1 unless all are up')
  .action(handled(status));

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
