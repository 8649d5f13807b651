import { dlqTopicOf } from '@tminus/contracts';
import { errorFields, silentLogger, type MessagingLogger } from '../logger';
import type {
  IncomingMessage,
  MessageBus,
  MessageHandler,
  SubscribeOptions,
  Subscription,
} from '../message-bus';
import { isPoisonMessageError } from '../serde/malformed-message-error';
import { backoffDelay, type Backoff } from '../support/wakeup';
import { toDeadLetter } from './dead-letter-headers';

export interface ReliableHandlerOptions {
  /** Where dead letters are published (`<topic>.dlq`). */
  readonly bus: Pick<MessageBus, 'publish'>;
  readonly handle: MessageHandler;
  /** Attempts before a message is dead-lettered (default 3). */
  readonly maxAttempts?: number;
  /**
   * Pause between attempts (default 100 ms, doubling, at most 1 s). Keep the total short: a Kafka
   * consumer does not heartbeat while a handler runs (tulios/kafkajs#1083).
   */
  readonly retryBackoff?: Backoff;
  /** Errors that no retry can fix go to the dead-letter topic at once (default: any {@link PoisonMessageError}). */
  readonly isPoison?: (error: unknown) => boolean;
  /** Recorded in the dlq_group_id header, so an operator knows which consumer gave up. */
  readonly groupId?: string;
  readonly logger?: MessagingLogger;
  readonly now?: () => Date;
}

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_RETRY_BACKOFF: Backoff = { initialMs: 100, maxMs: 1_000 };

/**
 * Wraps a handler so that one bad message cannot block its partition (nestjs/nest#14664): a failing
 * message is retried a bounded number of times, then published to `<topic>.dlq` with the reason,
 * and the handler resolves, so the position moves on and the next messages keep flowing. Only a
 * failed dead-letter publish rejects, and then the bus delivers the message again: nothing is lost.
 */
export function reliableHandler(options: ReliableHandlerOptions): MessageHandler {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const retryBackoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
  const isPoison = options.isPoison ?? isPoisonMessageError;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());

  return async (message) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await options.handle(message);
        return;
      } catch (error) {
        const poison = isPoison(error);
        if (poison || attempt >= maxAttempts) {
          await deadLetter(message, error, attempt, poison);
          return;
        }
        logger.debug({ ...where(message), attempt, ...errorFields(error) }, 'handler failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(retryBackoff, attempt)));
      }
    }
  };

  async function deadLetter(message: IncomingMessage, error: unknown, attempts: number, poison: boolean) {
    const dlqTopic = dlqTopicOf(message.topic);
    const letter = toDeadLetter(message, { error, attempts, failedAt: now(), groupId: options.groupId });
    await options.bus.publish(dlqTopic, [letter]);
    logger.error(
      { ...where(message), dlqTopic, attempts, poison, groupId: options.groupId, ...errorFields(error) },
      poison
        ? 'poison message moved to the dead-letter topic'
        : 'message moved to the dead-letter topic after retries',
    );
  }
}

const where = (
  message: IncomingMessage,
): { topic: string; partition: number; offset: string; key: string } => ({
  topic: message.topic,
  partition: message.partition,
  offset: message.offset,
  key: message.key,
});

export type ReliableSubscribeOptions = SubscribeOptions &
  Pick<ReliableHandlerOptions, 'maxAttempts' | 'retryBackoff' | 'isPoison' | 'logger' | 'now'>;

/** `bus.subscribe` with {@link reliableHandler} around the handler: retries, then the dead-letter topic. */
export function subscribeReliably(bus: MessageBus, options: ReliableSubscribeOptions): Promise<Subscription> {
  const { maxAttempts, retryBackoff, isPoison, logger, now, ...subscribe } = options;
  const handle = reliableHandler({
    bus,
    handle: subscribe.handle,
    groupId: subscribe.groupId,
    maxAttempts,
    retryBackoff,
    isPoison,
    logger,
    now,
  });
  return bus.subscribe({ ...subscribe, handle });
}
