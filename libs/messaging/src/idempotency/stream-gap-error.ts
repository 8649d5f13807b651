import { PoisonMessageError } from '../serde/malformed-message-error';

/**
 * An event arrived whose predecessor in its stream was not applied. Every event is published
 * through the outbox and a stream is delivered in order, so the predecessor is not coming later:
 * it was dead-lettered. Applying this one would break the stream's order, and its position would
 * then make the predecessor look like a duplicate when it is replayed; so it follows its
 * predecessor into the dead-letter topic (a poison error: no retries), and a replay brings both
 * back in order.
 */
export class StreamGapError extends PoisonMessageError {
  constructor(
    readonly consumer: string,
    readonly streamId: string,
    readonly checkpoint: number,
    readonly streamPosition: number,
  ) {
    super(
      `Consumer ${consumer} has applied ${streamId} up to position ${checkpoint}, ` +
        `so it cannot apply position ${streamPosition}: position ${checkpoint + 1} is missing (dead-lettered?)`,
    );
    this.name = 'StreamGapError';
  }
}
