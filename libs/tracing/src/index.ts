// Tracing for every app: spans around the work a message causes, and the traceparent messages carry.
// Light on purpose (only @opentelemetry/api): the SDK is loaded by ./register, and only when asked for.
export * from './spans';
export * from './log-fields';
export { startTracing, stopTracing } from './start-tracing';
export { serviceNameOf, tracingRequested } from './tracing-settings';
