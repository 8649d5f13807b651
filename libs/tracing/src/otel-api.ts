import type * as OtelApi from '@opentelemetry/api';

/**
 * Where @opentelemetry/api 1.x keeps what was registered with it (tracer provider, propagator,
 * context manager): `Symbol.for('opentelemetry.js.api.<major>')` on globalThis, shared by every copy
 * of the API in the process, so an SDK registering through its own copy is seen here too.
 */
const API_GLOBALS = Symbol.for('opentelemetry.js.api.1');

/**
 * The OpenTelemetry API once anything has registered with it (the SDK startTracing starts, or a
 * test's), else undefined. Until then every API call is a no-op (no span recorded, no context, no
 * traceparent), so callers skip it and a process with tracing off never loads the API's 44 modules.
 */
export function otelApi(): typeof OtelApi | undefined {
  if (!(API_GLOBALS in globalThis)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded once tracing is set up, see above
  return require('@opentelemetry/api') as typeof OtelApi;
}
