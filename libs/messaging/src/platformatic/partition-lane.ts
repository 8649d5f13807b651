import type { IncomingMessage } from '../message-bus';

/**
 * What one consumer holds of one partition: the messages fetched and not yet handled (in order),
 * the offset after the last handled one (what the group may commit) and after the last accepted
 * one (a re-fetch after a rebalance starts at the committed offset: older copies are dropped).
 */
export class PartitionLane {
  readonly queue: IncomingMessage[] = [];
  /** Offset after the last message handed over (accepted into the queue). */
  private accepted = -1n;
  /** Offset after the last handled message; what a commit writes. */
  handled: bigint | undefined;
  /** The value of `handled` the last commit wrote. */
  committed: bigint | undefined;
  failures = 0;
  running = false;
  /** Set when the partition went to another consumer: the lane's loop ends after its handler. */
  revoked = false;

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  /** False for a message at or before one already accepted (a re-fetch after a rebalance). */
  accept(message: IncomingMessage): boolean {
    const offset = BigInt(message.offset);
    if (offset < this.accepted) return false;
    this.accepted = offset + 1n;
    this.queue.push(message);
    return true;
  }

  /** The first `count` queued messages were handled. */
  done(count: number): void {
    const taken = this.queue.splice(0, count);
    this.handled = BigInt(taken[taken.length - 1].offset) + 1n;
    this.failures = 0;
  }
}
