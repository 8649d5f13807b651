// Tracing for every app: spans around the work a message causes, and the traceparent messages carry.
// Light on purpose: the SDK is loaded by ./register, and only when asked for; @opentelemetry/api only
// once something registered with it (./otel-api).
export * from './spans';
export * from './log-fields';
export { startTracing, stopTracing } from './start-tracing';
export { serviceNameOf, tracingRequested } from './tracing-settings';
