import type { EventStore } from '@tminus/event-store';
import { OutboxRelay, type MessageBus } from '@tminus/messaging';
import type { ServiceLogger } from '../observability/service-logger';

export interface RunningRelay {
  kick(): void;
  stop(): Promise<void>;
}

/** The service's outbox relay, started; the command processors kick it after each commit. */
export async function startOutboxRelay(options: {
  readonly service: string;
  readonly store: EventStore;
  readonly bus: MessageBus;
  readonly logger: ServiceLogger;
}): Promise<RunningRelay> {
  const relay = new OutboxRelay({
    store: options.store,
    bus: options.bus,
    logger: options.logger.child({ component: 'outbox-relay' }),
  });
  relay.start();
  return relay;
}
