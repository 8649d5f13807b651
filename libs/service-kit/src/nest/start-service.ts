import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication, Provider, Type } from '@nestjs/common';
import type { ServiceName } from '@tminus/contracts';
import type { EventStore } from '@tminus/event-store';
import { subscribeReliably, type BatchHandler, type MessageBus } from '@tminus/messaging';
import type { CommandObserver, HandledCommand, OutboxKicker } from '../commands/command-processor';
import { NestPinoLogger } from '../observability/nest-logger';
import { SERVICE_HEALTH, SERVICE_METRICS } from '../observability/observability.controller';
import { ServiceHealth } from '../observability/service-health';
import type { ServiceLogger } from '../observability/service-logger';
import { ServiceMetrics } from '../observability/service-metrics';
import { startOutboxRelay, type RunningRelay } from '../outbox/outbox-relay';
import { BusTransport } from '../transport/bus-transport';
import { DEFAULT_HOST, listenOrExplain } from '../config/listen-address';
import type { CommandSink } from '../reactions/reactor';
import { COMMAND_SINK, commandBatchHandler, commandTopicOf } from './handler-controllers';
import { ServiceModule } from './service.module';

/** The infrastructure a service is started with (built by main.ts, the embedded entry, or a test). */
export interface ServiceDeps {
  readonly store: EventStore;
  readonly bus: MessageBus;
  readonly logger: ServiceLogger;
  /** HTTP port of /health and /metrics (0: any free port); absent: no HTTP server. */
  readonly port?: number;
  /** Address of that server (default 127.0.0.1). */
  readonly host?: string;
  /** Prefix of the service's consumer groups (default `tminus-<service>`). */
  readonly consumerGroupPrefix?: string;
  /** Attempts at a message before it goes to the dead-letter topic (default 5). */
  readonly maxDeliveryAttempts?: number;
}

export interface RunningApp {
  close(): Promise<void>;
  readonly port?: number;
  /** The service's metrics: the embedded gateway serves them on its `/metrics` (services there have no port). */
  readonly metrics?: ServiceMetrics;
}

/** What the kit hands the service's own wiring. */
export interface ServiceKit {
  readonly service: ServiceName;
  readonly store: EventStore;
  readonly bus: MessageBus;
  readonly logger: ServiceLogger;
  readonly relay: OutboxKicker;
  readonly metrics: ServiceMetrics;
  readonly health: ServiceHealth;
  /** Feeds the metrics and any observer added with {@link addObserver}. */
  readonly observer: CommandObserver;
  addObserver(observer: CommandObserver): void;
}

export interface ServiceParts {
  readonly controllers: readonly Type<unknown>[];
  readonly providers: readonly Provider[];
  /** Runs once the consumers are running (timers, catch-up work). */
  readonly onStarted?: () => Promise<void>;
  /** Runs first on close, before the consumers stop. */
  readonly onClosing?: () => Promise<void>;
}

export interface StartServiceOptions {
  readonly service: ServiceName;
  readonly deps: ServiceDeps;
  readonly build: (kit: ServiceKit) => ServiceParts | Promise<ServiceParts>;
}

const DEFAULT_DELIVERY_ATTEMPTS = 5;

/**
 * Starts one service as a Nest application: the outbox relay, the handlers on the bus (one consumer
 * group per topic, retries then dead letters), and /health + /metrics when a port is given.
 */
export async function startService({ service, deps, build }: StartServiceOptions): Promise<RunningApp> {
  const logger = deps.logger.child({ service });
  const relay = await startOutboxRelay({ service, store: deps.store, bus: deps.bus, logger });
  const observers: CommandObserver[] = [];
  const metrics = new ServiceMetrics(service, deps.store, deps.bus.positions?.bind(deps.bus));
  const health = new ServiceHealth().add('database', async () => {
    await deps.store.pendingOutbox(1);
    return true;
  });
  const kit: ServiceKit = {
    service,
    store: deps.store,
    bus: deps.bus,
    logger,
    relay,
    metrics,
    health,
    observer: (handled: HandledCommand) => {
      metrics.observe(handled);
      for (const observer of observers) observer(handled);
    },
    addObserver: (observer) => void observers.push(observer),
  };
  let app: INestApplication | undefined;
  try {
    const parts = await build(kit);
    app = await createApp(parts, kit);
    const transport = connectTransport(app, kit, deps, commandBatches(app, parts));
    health.add('consumers', () => transport.isListening);
    await app.init();
    await app.startAllMicroservices();
    const port =
      deps.port === undefined ? undefined : await listen(app, deps.port, deps.host ?? DEFAULT_HOST);
    await parts.onStarted?.();
    logger.info({ port }, `${service} service started`);
    return { port, metrics, close: closer(app, parts, relay, logger) };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await relay.stop();
    throw error;
  }
}

async function createApp(parts: ServiceParts, kit: ServiceKit): Promise<INestApplication> {
  const module = ServiceModule.register({
    controllers: parts.controllers,
    providers: [
      { provide: SERVICE_HEALTH, useValue: kit.health },
      { provide: SERVICE_METRICS, useValue: kit.metrics },
      ...parts.providers,
    ],
  });
  const app = await NestFactory.create(module, {
    logger: new NestPinoLogger(kit.logger),
    abortOnError: false,
  });
  app.use(kit.metrics.httpMiddleware);
  return app;
}

/** The batch handler of each command topic, when the service's command sink takes batches. */
function commandBatches(app: INestApplication, parts: ServiceParts): Map<string, BatchHandler> {
  const batches = new Map<string, BatchHandler>();
  for (const controller of parts.controllers) {
    const topic = commandTopicOf(controller);
    const handler = topic === undefined ? undefined : commandBatchHandler(app.get<CommandSink>(COMMAND_SINK));
    if (topic !== undefined && handler) batches.set(topic, handler);
  }
  return batches;
}

function connectTransport(
  app: INestApplication,
  kit: ServiceKit,
  deps: ServiceDeps,
  batches: ReadonlyMap<string, BatchHandler>,
): BusTransport {
  const prefix = deps.consumerGroupPrefix ?? `tminus-${kit.service}`;
  const maxAttempts = deps.maxDeliveryAttempts ?? DEFAULT_DELIVERY_ATTEMPTS;
  const transport = new BusTransport({
    bus: kit.bus,
    groupIdOf: (topic) => `${prefix}.${topic}`,
    batchHandlerOf: (topic) => batches.get(topic),
    subscribe: (bus, { topic, groupId, handle, handleBatch }) => {
      kit.metrics.consumerLag.watch(groupId, topic);
      return subscribeReliably(bus, {
        groupId,
        topics: [topic],
        handle,
        handleBatch,
        maxAttempts,
        logger: kit.logger.child({ topic }),
      });
    },
  });
  app.connectMicroservice({ strategy: transport });
  return transport;
}

async function listen(app: INestApplication, port: number, host: string): Promise<number> {
  await listenOrExplain(host, port, () => app.listen(port, host));
  const address: unknown = app.getHttpServer().address();
  return typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : port;
}

function closer(app: INestApplication, parts: ServiceParts, relay: RunningRelay, logger: ServiceLogger) {
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    await parts.onClosing?.();
    await app.close();
    // Last: what the handlers committed before the consumers stopped still gets published.
    await relay.stop();
    logger.info({}, 'service stopped');
  };
  return (): Promise<void> => (closing ??= close());
}
