/**
 * Replays dead letters: republishes what is in `<topic>.dlq` to the topic it came from, without the
 * dlq_ headers, once the cause is fixed. Only what is in the dead-letter topic when it starts is
 * replayed; a message that fails again is dead-lettered anew.
 *
 *   npm run dlq:replay -- --topic tminus.checklists.events [--max 10]
 *   node -r @swc-node/register scripts/dlq-replay.ts --topic tminus.checklists.events --brokers 127.0.0.1:19092
 *   node -r @swc-node/register scripts/dlq-replay.ts --topic tminus.checklists.events --bus-file data/bus.sqlite
 *
 * Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { Command, InvalidArgumentError } from 'commander';
import pino from 'pino';
import {
  InProcessBus,
  KafkaBus,
  defaultReplayGroupOf,
  replayDeadLetters,
  type MessageBus,
} from '@tminus/messaging';

interface CliOptions {
  readonly topic: string;
  readonly brokers: string;
  readonly busFile?: string;
  readonly max?: number;
  readonly group?: string;
  readonly timeout: number;
}

const positiveInteger = (raw: string): number => {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError('expected a positive integer');
  return value;
};

const program = new Command()
  .name('dlq-replay')
  .description('Republish the dead letters of a topic (<topic>.dlq) to the topic they came from.')
  .requiredOption('-t, --topic <topic>', 'the original topic, e.g. tminus.checklists.events')
  .option(
    '-b, --brokers <list>',
    'Kafka brokers, comma-separated',
    process.env.KAFKA_BROKERS || '127.0.0.1:19092',
  )
  .option('--bus-file <path>', 'the embedded mode bus (SQLite file) instead of Kafka')
  .option('-m, --max <count>', 'replay at most this many messages', positiveInteger)
  .option(
    '-g, --group <groupId>',
    'consumer group that remembers what was replayed (default: tminus.dlq-replay.<topic>)',
  )
  .option('--timeout <ms>', 'give up after this long', positiveInteger, 60_000)
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<CliOptions>();
  // Accept the dead-letter topic's own name too: people copy it from where they saw the message.
  const topic = options.topic.replace(/\.dlq$/, '');
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const bus: MessageBus = options.busFile
    ? new InProcessBus({ filename: options.busFile, logger })
    : new KafkaBus({
        brokers: options.brokers.split(',').map((b) => b.trim()),
        clientId: 'tminus-dlq-replay',
        logger,
      });
  try {
    const groupId = options.group ?? defaultReplayGroupOf(topic);
    const result = await replayDeadLetters({
      bus,
      topic,
      groupId,
      maxMessages: options.max,
      timeoutMs: options.timeout,
      logger,
    });
    console.log(
      `Replayed ${result.replayed} dead letter(s) from ${topic}.dlq to ${topic}; ` +
        `${result.remaining} left (group ${groupId}).`,
    );
  } finally {
    await bus.close();
  }
}

main().catch((error: unknown) => {
  console.error(`dlq-replay failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
