// The command pipeline.
export * from './commands/command-processor';
export * from './commands/command-router';
export { DEFAULT_CONFLICT_RETRY, type ConflictRetryPolicy } from './commands/conflict-retry';

// Reactions to other services' events, and the small views they keep.
export * from './reactions/reactor';
export * from './reactions/json-view';

// Running a service: Nest app, bus transport, health, metrics, config.
export * from './nest/start-service';
export * from './nest/run-service-main';
export * from './nest/handler-controllers';
export * from './transport/bus-transport';
export * from './transport/bus-context';
export * from './transport/propagate-errors.filter';
export * from './observability/service-health';
export * from './observability/observability.controller';
export * from './observability/http-metrics';
export * from './observability/consumer-lag';
export * from './lifecycle/close-on-signals';
export { collectStartupGarbage } from './lifecycle/collect-startup-garbage';
export * from './observability/service-metrics';
export * from './observability/service-logger';
export * from './observability/nest-logger';
export * from './config/service-config';
export * from './config/listen-address';
