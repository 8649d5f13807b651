import { dlqTopicOf } from '@tminus/contracts';
import { silentLogger, type MessagingLogger } from '../logger';
import type { IncomingMessage, MessageBus, PartitionPosition } from '../message-bus';
import { withoutDeadLetterHeaders } from './dead-letter-headers';

export interface ReplayDeadLettersOptions {
  readonly bus: MessageBus;
  /** The original topic: its dead letters are read from `<topic>.dlq` and published back to it. */
  readonly topic: string;
  /** The replaying group's position in the dead-letter topic (a later replay continues from it). */
  readonly groupId?: string;
  /** Replay at most this many; the rest stay for the next run. */
  readonly maxMessages?: number;
  /** Gives up when the dead letters present at the start have not all arrived by then (default 60 s). */
  readonly timeoutMs?: number;
  readonly logger?: MessagingLogger;
}

export interface ReplayResult {
  readonly replayed: number;
  /** Dead letters still ahead of the group once it stopped. */
  readonly remaining: number;
}

export const defaultReplayGroupOf = (topic: string): string => `tminus.dlq-replay.${topic}`;

/** Thrown for a message the replay must not take (over the limit, or published after it started). */
class NotThisReplay extends Error {
  constructor() {
    super('left in the dead-letter topic for the next replay');
    this.name = 'NotThisReplay';
  }
}

/**
 * Publishes the dead letters of `topic` (read from `<topic>.dlq`) back to `topic`: same key, value
 * and headers minus the dlq_ ones, in order. It takes only what was in the dead-letter topic when it
 * started, so a message that fails again lands there anew instead of being replayed in a loop.
 */
export async function replayDeadLetters(options: ReplayDeadLettersOptions): Promise<ReplayResult> {
  const { bus, topic } = options;
  const logger = options.logger ?? silentLogger;
  const groupId = options.groupId ?? defaultReplayGroupOf(topic);
  const dlqTopic = dlqTopicOf(topic);
  const limit = options.maxMessages ?? Number.POSITIVE_INFINITY;
  if (!bus.positions)
    throw new Error('This bus cannot report positions, so a replay could not know when it is done');

  const before = await bus.positions(groupId, dlqTopic);
  const backlog = pendingPartitions(before);
  if (backlog.size === 0 || limit <= 0) return { replayed: 0, remaining: remainingOf(before) };

  let replayed = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const republish = async (message: IncomingMessage): Promise<void> => {
    const end = backlog.get(message.partition);
    if (end === undefined || replayed >= limit || BigInt(message.offset) >= end) throw new NotThisReplay();
    // `<topic>.dlq` only ever holds messages of `topic`: the dlq_original_topic header is not trusted
    // to route anywhere else.
    await bus.publish(topic, [
      { key: message.key, value: message.value, headers: withoutDeadLetterHeaders(message.headers) },
    ]);
    replayed += 1;
    logger.info({ dlqTopic, topic, offset: message.offset, key: message.key }, 'dead letter replayed');
    if (BigInt(message.offset) + 1n >= end) backlog.delete(message.partition);
    if (backlog.size === 0 || replayed >= limit) finish();
  };

  const subscription = await bus.subscribe({
    groupId,
    topics: [dlqTopic],
    fromBeginning: true,
    handle: republish,
  });
  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
  );
  try {
    if ((await Promise.race([finished, timedOut])) === 'timeout') {
      throw new Error(
        `Replay of ${dlqTopic} timed out after ${timeoutMs} ms with ${replayed} message(s) replayed`,
      );
    }
  } finally {
    clearTimeout(timer);
    await subscription.stop();
  }
  return { replayed, remaining: remainingOf(await bus.positions(groupId, dlqTopic)) };
}

/** Partition → end offset, for partitions where the group is behind. */
function pendingPartitions(positions: readonly PartitionPosition[]): Map<number, bigint> {
  return new Map(
    positions.filter((p) => BigInt(p.next) < BigInt(p.end)).map((p) => [p.partition, BigInt(p.end)]),
  );
}

const remainingOf = (positions: readonly PartitionPosition[]): number =>
  positions.reduce((sum, p) => sum + Math.max(0, Number(BigInt(p.end) - BigInt(p.next))), 0);
