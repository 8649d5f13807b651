import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { BatchHandler, IncomingMessage, MessageBus, Subscription } from '@tminus/messaging';
import { BusContext } from './bus-context';

export interface SubscriptionRequest {
  readonly topic: string;
  readonly groupId: string;
  /** Calls the Nest handler; rejects when it failed. */
  readonly handle: (message: IncomingMessage) => Promise<void>;
  /** Set when the topic's messages can be handled a consumer batch at a time (commands). */
  readonly handleBatch?: BatchHandler;
}

export interface BusTransportOptions {
  readonly bus: MessageBus;
  /** Consumer group of a pattern's subscription: one group per topic, so a slow topic stalls no other. */
  readonly groupIdOf: (topic: string) => string;
  /**
   * A topic's batch handler, if it has one. It bypasses Nest's pipeline for the batch; when it fails,
   * the messages go one by one through the Nest handler as usual.
   */
  readonly batchHandlerOf?: (topic: string) => BatchHandler | undefined;
  /**
   * Subscribes one pattern: where retries and dead letters are wired in (the service kit wraps the
   * handler with the reliable consumer). Default: subscribe the handler as is.
   */
  readonly subscribe?: (bus: MessageBus, request: SubscriptionRequest) => Promise<Subscription>;
}

/**
 * A Nest transport over our MessageBus (Kafka or the in-process log), so handlers are plain
 * `@EventPattern(topic)` methods while we own the envelope: the handler gets the IncomingMessage
 * untouched (no Nest (de)serializer, nestjs/nest#3726). Each pattern is a topic, consumed in its
 * own group; a handler's failure propagates to the bus (no Nest reply stream swallows it).
 */
export class BusTransport extends Server implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private readonly subscriptions: Subscription[] = [];
  private listening = false;

  constructor(private readonly options: BusTransportOptions) {
    super();
  }

  /** True once every pattern's subscription is running. */
  get isListening(): boolean {
    return this.listening;
  }

  async listen(callback: (...optionalParams: unknown[]) => void): Promise<void> {
    try {
      for (const [pattern, handler] of this.getHandlers()) {
        // A pattern is a topic name (several stacks share a cluster through a NamespacedBus, not here).
        const request = {
          topic: pattern,
          groupId: this.options.groupIdOf(pattern),
          handle: this.invoker(handler),
          handleBatch: this.options.batchHandlerOf?.(pattern),
        };
        const subscribe = this.options.subscribe ?? defaultSubscribe;
        this.subscriptions.push(await subscribe(this.options.bus, request));
      }
      this.listening = true;
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.listening = false;
    const subscriptions = this.subscriptions.splice(0);
    await Promise.all(subscriptions.map((s) => s.stop()));
  }

  on(): never {
    throw new Error('BusTransport emits no events to listen to');
  }

  unwrap<T>(): T {
    return this.options.bus as T;
  }

  private invoker(handler: MessageHandler): (message: IncomingMessage) => Promise<void> {
    return async (message) => {
      const result: unknown = await handler(message, new BusContext([message]));
      // Nest hands back an Observable (from interceptors or the exception filter): run it to the end.
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    };
  }
}

const defaultSubscribe = (bus: MessageBus, request: SubscriptionRequest): Promise<Subscription> =>
  bus.subscribe({
    groupId: request.groupId,
    topics: [request.topic],
    handle: request.handle,
    handleBatch: request.handleBatch,
  });
