import type { EventEmitter } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { errorFields, type MessagingLogger } from '../logger';
import type { BatchHandler, IncomingMessage, MessageHandler } from '../message-bus';
import { Wakeup, backoffDelay, type Backoff } from '../support/wakeup';
import type { SqliteLog, StoredMessage } from './sqlite-log';

const BATCH_SIZE = 100;
/** Messages kept from publishes for a busy worker; beyond that it reads them from the log. */
const MAX_FRESH = 1_000;

export interface PartitionWorkerOptions {
  readonly log: SqliteLog;
  /** Emits the topic name after every append to it, with the partitions appended to (or none: any). */
  readonly published: EventEmitter;
  readonly groupId: string;
  readonly topic: string;
  readonly partition: number;
  readonly handle: MessageHandler;
  readonly handleBatch?: BatchHandler;
  readonly redeliveryBackoff: Backoff;
  readonly logger: MessagingLogger;
}

/**
 * Delivers one partition to one consumer group, strictly in order: the next message is handed out
 * only after the previous one's handler resolved and the group's offset moved past it. A failed
 * handler gets the same message again after a backoff (at-least-once; nothing is skipped).
 */
export class PartitionWorker {
  private readonly newMessages = new Wakeup();
  private readonly stopSignal = new Wakeup();
  /**
   * What publishes in this process appended to the partition, without gaps, not yet delivered: the
   * next batch comes from here instead of a read of the log whenever it starts at the next offset.
   */
  private fresh: StoredMessage[] = [];
  /** `appended`: what a publish stored, per partition; undefined (another process appended): look. */
  private readonly onPublished = (appended?: ReadonlyMap<number, readonly StoredMessage[]>): void => {
    const mine = appended === undefined ? [] : appended.get(this.options.partition);
    if (mine === undefined) return;
    const last = this.fresh.at(-1);
    if (mine.length > 0) {
      const contiguous = last === undefined || last.offset + 1 === mine[0].offset;
      if (contiguous && this.fresh.length + mine.length <= MAX_FRESH) {
        // A copy per worker: consumer groups never share a buffer, nor with the publisher.
        for (const stored of mine) this.fresh.push({ ...stored, value: Buffer.from(stored.value) });
      } else this.fresh = [];
    }
    this.newMessages.wake();
  };
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(private readonly options: PartitionWorkerOptions) {}

  start(): void {
    this.options.published.on(this.options.topic, this.onPublished);
    this.running = this.loop().catch((error: unknown) => {
      // Only the log itself can fail here (the database was closed under us): nothing to retry.
      this.options.logger.error({ ...this.where(), ...errorFields(error) }, 'in-process delivery stopped');
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.options.published.off(this.options.topic, this.onPublished);
    this.newMessages.wake();
    this.stopSignal.wake();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { log, groupId, topic, partition } = this.options;
    let next = log.groupOffset(groupId, topic, partition) ?? 0;
    let failures = 0;
    while (!this.stopped) {
      const batch = this.nextBatch(next);
      if (batch.length === 0) {
        // No race with a publish: appends are synchronous and their wake-up is remembered.
        await this.newMessages.wait();
        continue;
      }
      let complete: boolean;
      if (batch.length > 1 && (await this.deliverBatch(batch))) {
        next = batch[batch.length - 1].offset + 1;
        log.setGroupOffset(groupId, topic, partition, next);
        complete = true;
      } else {
        for (const stored of batch) {
          if (this.stopped) return;
          if (!(await this.deliver(stored, failures))) {
            failures += 1;
            await this.stopSignal.wait(backoffDelay(this.options.redeliveryBackoff, failures));
            break;
          }
          failures = 0;
          next = stored.offset + 1;
          log.setGroupOffset(groupId, topic, partition, next);
        }
        complete = next > batch[batch.length - 1].offset;
      }
      // Handlers that never await would otherwise keep timers and I/O waiting for a whole backlog.
      await yieldToEventLoop();
      // A short batch was all there was when it was taken: anything appended since woke this worker
      // (the wake-up is remembered), so without one there is nothing to read yet. Saves an empty read
      // per delivery on the hot path.
      if (complete && batch.length < BATCH_SIZE) await this.newMessages.wait();
    }
  }

  /** From what publishes handed over when it starts at `next`, else read from the log. */
  private nextBatch(next: number): readonly StoredMessage[] {
    let start = 0;
    while (start < this.fresh.length && this.fresh[start].offset < next) start++;
    if (start < this.fresh.length && this.fresh[start].offset === next) {
      const batch = this.fresh.slice(start, start + BATCH_SIZE);
      this.fresh = this.fresh.slice(start + batch.length);
      return batch;
    }
    // Nothing kept, or a gap before it (appended by another process, or kept messages dropped).
    if (start > 0) this.fresh = this.fresh.slice(start);
    return this.options.log.read(this.options.topic, this.options.partition, next, BATCH_SIZE);
  }

  /** False: no batch handler, or it failed (the messages then go one by one, so nothing is skipped). */
  private async deliverBatch(batch: readonly StoredMessage[]): Promise<boolean> {
    if (!this.options.handleBatch || this.stopped) return false;
    try {
      await this.options.handleBatch(batch.map((stored) => this.toIncoming(stored)));
      return true;
    } catch (error) {
      this.options.logger.debug(
        { ...this.where(), size: batch.length, ...errorFields(error) },
        'batch handler failed; delivering the messages one by one',
      );
      return false;
    }
  }

  private async deliver(stored: StoredMessage, failures: number): Promise<boolean> {
    try {
      await this.options.handle(this.toIncoming(stored));
      return true;
    } catch (error) {
      this.options.logger.warn(
        { ...this.where(), offset: String(stored.offset), failures: failures + 1, ...errorFields(error) },
        'message handler failed; the message will be delivered again',
      );
      return false;
    }
  }

  private toIncoming(stored: StoredMessage): IncomingMessage {
    return {
      topic: this.options.topic,
      partition: stored.partition,
      offset: String(stored.offset),
      key: stored.key,
      headers: JSON.parse(stored.headers) as Record<string, string>,
      value: stored.value,
    };
  }

  private where(): { groupId: string; topic: string; partition: number } {
    return { groupId: this.options.groupId, topic: this.options.topic, partition: this.options.partition };
  }
}
