import type { EventEnvelope } from '@tminus/contracts';
import type { EventStore, StoreTransaction } from '@tminus/event-store';
import { silentLogger, type MessagingLogger } from '../logger';
import type { IncomingMessage, MessageHandler } from '../message-bus';
import { decodeEventEnvelope } from '../serde/envelope-serde';
import { StreamGapError } from './stream-gap-error';

export type ApplyOutcome = 'applied' | 'duplicate';

export interface IdempotentHandlerOptions {
  readonly store: Pick<EventStore, 'transaction'>;
  /** Names the consumer's checkpoints (e.g. `checklists.reactions`); one consumer, one name. */
  readonly consumer: string;
  /** The consumer's writes; they commit together with the checkpoint, or not at all. */
  readonly apply: (tx: StoreTransaction, envelope: EventEnvelope) => Promise<void>;
  /**
   * An event further on than the next expected position of its stream: `reject` (default) throws
   * {@link StreamGapError}; `apply` applies it anyway, for a consumer that sees only part of a
   * stream's events.
   */
  readonly onGap?: 'reject' | 'apply';
  readonly logger?: MessagingLogger;
}

/**
 * Checkpoint key of an event: its stream, or, for events outside any stream (position 0: the
 * CommandRejected / CommandAccepted markers), its own id.
 */
const checkpointKeyOf = (envelope: EventEnvelope): string =>
  envelope.streamPosition > 0 ? envelope.streamId : `id:${envelope.id}`;

/**
 * Applies each event at most once per consumer, though the bus delivers at least once and the
 * relay may publish twice: in one store transaction it reads the consumer's checkpoint for the
 * event's stream, skips the event if the checkpoint is at or past its position, otherwise runs
 * `apply` and moves the checkpoint. A crash anywhere rolls back writes and checkpoint together.
 * A consumer without a checkpoint for a stream takes the first event it sees as its start.
 */
export function idempotentHandler(
  options: IdempotentHandlerOptions,
): (envelope: EventEnvelope) => Promise<ApplyOutcome> {
  const { consumer } = options;
  const logger = options.logger ?? silentLogger;
  return (envelope) =>
    options.store.transaction(async (tx) => {
      const key = checkpointKeyOf(envelope);
      const checkpoint = await tx.getCheckpoint(consumer, key);
      const where = {
        consumer,
        eventId: envelope.id,
        streamId: envelope.streamId,
        position: envelope.streamPosition,
      };
      if (checkpoint !== null) {
        const last = Number(checkpoint);
        if (envelope.streamPosition === 0 || envelope.streamPosition <= last) {
          logger.debug({ ...where, checkpoint: last }, 'duplicate event skipped');
          return 'duplicate';
        }
        if (envelope.streamPosition > last + 1) {
          if (options.onGap !== 'apply')
            throw new StreamGapError(consumer, envelope.streamId, last, envelope.streamPosition);
          logger.warn({ ...where, checkpoint: last }, 'applying an event past a gap in its stream');
        }
      }
      await options.apply(tx, envelope);
      await tx.setCheckpoint(consumer, key, String(envelope.streamPosition));
      return 'applied';
    });
}

export interface IdempotentMessageHandlerOptions extends IdempotentHandlerOptions {
  /** Runs after the transaction committed (e.g. to notify waiters); not for writes. */
  readonly afterCommit?: (envelope: EventEnvelope, outcome: ApplyOutcome) => void | Promise<void>;
}

/**
 * {@link idempotentHandler} as a bus handler: decodes the CloudEvents record first (a malformed
 * one throws {@link MalformedMessageError}, which the reliable consumer dead-letters at once).
 */
export function idempotentMessageHandler(options: IdempotentMessageHandlerOptions): MessageHandler {
  const applyOnce = idempotentHandler(options);
  return async (message: IncomingMessage) => {
    const envelope = decodeEventEnvelope(message);
    const outcome = await applyOnce(envelope);
    await options.afterCommit?.(envelope, outcome);
  };
}
