import type { EventStore, PendingOutboxMessage } from '@tminus/event-store';
import { errorFields, silentLogger, type MessagingLogger } from '../logger';
import type { MessageBus } from '../message-bus';
import { encodeEventEnvelope } from '../serde/envelope-serde';
import { Wakeup, backoffDelay, type Backoff } from '../support/wakeup';

export interface OutboxRelayOptions {
  readonly store: Pick<EventStore, 'pendingOutbox' | 'markOutboxSent'>;
  readonly bus: Pick<MessageBus, 'publish'>;
  /** Outbox rows per round trip (default 200). */
  readonly batchSize?: number;
  /** Safety poll when nobody kicks (default 500 ms): covers commits by other processes. */
  readonly pollIntervalMs?: number;
  /** Pause after a failed publish or mark (default 100 ms doubling to 5 s). */
  readonly retryBackoff?: Backoff;
  readonly logger?: MessagingLogger;
}

/**
 * Publishes the outbox in commit order and marks it sent. At least once: a crash between publish
 * and mark publishes those rows again, and consumers de-duplicate (idempotentHandler). Call
 * `kick()` after a commit so an event leaves at once instead of at the next poll.
 */
export class OutboxRelay {
  private work = new Wakeup();
  private stopSignal = new Wakeup();
  private running: Promise<void> | undefined;
  private stopping = false;
  private failures = 0;
  private publishedCount = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  /** How many outbox rows this relay published and marked sent. */
  get published(): number {
    return this.publishedCount;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.work = new Wakeup();
    this.stopSignal = new Wakeup();
    this.running = this.loop();
  }

  /** Something was committed to the outbox: look now. */
  kick(): void {
    this.work.wake();
  }

  /** Finishes the batch in flight (publish and mark), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.work.wake();
    this.stopSignal.wake();
    await this.running;
    this.running = undefined;
  }

  private async loop(): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    while (!this.stopping) {
      let relayed: number;
      try {
        relayed = await this.relayBatch(batchSize);
      } catch (error) {
        await this.backOff(error);
        continue;
      }
      if (this.failures > 0) this.options.logger?.info({ failures: this.failures }, 'outbox relay recovered');
      this.failures = 0;
      // A full batch means more may be waiting: go on at once. Otherwise wait for a kick or the poll.
      if (relayed < batchSize && !this.stopping) await this.work.wait(this.options.pollIntervalMs ?? 500);
    }
  }

  private async relayBatch(batchSize: number): Promise<number> {
    const pending = await this.options.store.pendingOutbox(batchSize);
    if (pending.length === 0) return 0;
    for (const [topic, rows] of byTopic(pending)) {
      await this.options.bus.publish(
        topic,
        rows.map((row) => encodeEventEnvelope(row.envelope, { key: row.key })),
      );
    }
    await this.options.store.markOutboxSent(pending.map((row) => row.outboxId));
    this.publishedCount += pending.length;
    return pending.length;
  }

  /** Nothing is lost on failure: the rows stay pending and the next round takes them again. */
  private async backOff(error: unknown): Promise<void> {
    this.failures += 1;
    const delay = backoffDelay(this.options.retryBackoff ?? { initialMs: 100, maxMs: 5_000 }, this.failures);
    (this.options.logger ?? silentLogger).warn(
      { failures: this.failures, retryInMs: delay, ...errorFields(error) },
      'outbox relay failed; retrying',
    );
    // Only a stop cuts the pause short: kicks during an outage must not turn into a tight loop.
    await this.stopSignal.wait(delay);
  }
}

/** Rows grouped by topic, each group in commit order (a stream's events all go to one topic). */
function byTopic(rows: readonly PendingOutboxMessage[]): Map<string, PendingOutboxMessage[]> {
  const groups = new Map<string, PendingOutboxMessage[]>();
  for (const row of rows) {
    const group = groups.get(row.topic);
    if (group) group.push(row);
    else groups.set(row.topic, [row]);
  }
  return groups;
}
