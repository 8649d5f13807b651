import type { MessagingLogger } from '../logger';
import type { SubscribeOptions, Subscription } from '../message-bus';
import type { Backoff } from '../support/wakeup';
import { memberKey, ownerKey, type LogChannel, type PartitionOwner } from './log-channel';
import { PartitionWorker } from './partition-worker';
import type { SqliteLog } from './sqlite-log';

export interface SubscriptionContext {
  readonly log: SqliteLog;
  readonly channel: LogChannel;
  readonly partitionsOf: (topic: string) => number;
  readonly redeliveryBackoff: Backoff;
  readonly logger: MessagingLogger;
}

/**
 * One member of a consumer group. Like a Kafka group, each partition is delivered to one member at
 * a time; a member that joins while all partitions are taken waits in line and takes over the
 * partitions of a member that stops.
 */
export class InProcessSubscription implements Subscription, PartitionOwner {
  private readonly workers = new Map<string, { topic: string; partition: number; worker: PartitionWorker }>();
  private stopped = false;

  constructor(
    private readonly context: SubscriptionContext,
    private readonly options: SubscribeOptions,
  ) {}

  join(): void {
    const { channel, log, partitionsOf } = this.context;
    const { groupId, fromBeginning = true } = this.options;
    for (const topic of this.options.topics) {
      const partitions = partitionsOf(topic);
      for (let partition = 0; partition < partitions; partition++) {
        // A new group's start is fixed now, so whatever is published after subscribe() resolves is seen.
        if (log.groupOffset(groupId, topic, partition) === undefined) {
          log.setGroupOffset(groupId, topic, partition, fromBeginning ? 0 : log.endOffset(topic, partition));
        }
      }
      const key = memberKey(groupId, topic);
      channel.members.set(key, (channel.members.get(key) ?? new Set()).add(this));
      for (let partition = 0; partition < partitions; partition++) {
        if (!channel.owners.has(ownerKey(groupId, topic, partition))) this.take(topic, partition);
      }
    }
  }

  take(topic: string, partition: number): void {
    if (this.stopped) return;
    this.context.channel.owners.set(ownerKey(this.options.groupId, topic, partition), this);
    const worker = new PartitionWorker({
      log: this.context.log,
      published: this.context.channel.published,
      groupId: this.options.groupId,
      topic,
      partition,
      handle: this.options.handle,
      handleBatch: this.options.handleBatch,
      redeliveryBackoff: this.context.redeliveryBackoff,
      logger: this.context.logger,
    });
    this.workers.set(`${topic}\u0000${partition}`, { topic, partition, worker });
    worker.start();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const { channel } = this.context;
    const { groupId } = this.options;
    for (const topic of this.options.topics) channel.members.get(memberKey(groupId, topic))?.delete(this);
    const owned = [...this.workers.values()];
    this.workers.clear();
    // Hand a partition over only once its worker stopped: two members never run one partition at once.
    await Promise.all(owned.map(({ worker }) => worker.stop()));
    for (const { topic, partition } of owned) {
      channel.owners.delete(ownerKey(groupId, topic, partition));
      const successor = channel.members.get(memberKey(groupId, topic))?.values().next().value;
      successor?.take(topic, partition);
    }
  }
}
