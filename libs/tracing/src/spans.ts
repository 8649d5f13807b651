import type { Attributes, SpanKind as OtelSpanKind } from '@opentelemetry/api';
import { otelApi } from './otel-api';

/** The API's SpanKind values, here so that naming one does not load the API (see {@link otelApi}). */
export const SpanKind = {
  INTERNAL: 0,
  SERVER: 1,
  CLIENT: 2,
  PRODUCER: 3,
  CONSUMER: 4,
} as const satisfies Record<keyof typeof OtelSpanKind, OtelSpanKind>;
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];

/** W3C `traceparent`: version-traceid-spanid-flags, lower-case hex (trace and span ids not all zero). */
const TRACEPARENT = /^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

export const isTraceparent = (value: unknown): value is string =>
  typeof value === 'string' && TRACEPARENT.test(value);

/**
 * The `traceparent` of the span active right now, for a message to carry (CloudEvents distributed
 * tracing extension); undefined when tracing is off or nothing is being traced.
 */
export function activeTraceparent(): string | undefined {
  const api = otelApi();
  if (api === undefined) return undefined;
  const carrier: Record<string, string> = {};
  api.propagation.inject(api.context.active(), carrier);
  return isTraceparent(carrier.traceparent) ? carrier.traceparent : undefined;
}

export interface SpanOptions {
  /** Continue this trace (from a message); default: the active context. */
  readonly traceparent?: string;
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
}

/**
 * Runs `work` inside a span named `name`, a child of the message's `traceparent` when one is given. A
 * failure marks the span as an error and is rethrown. With tracing off the span is a no-op.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  const api = otelApi();
  if (api === undefined) return work();
  const { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace } = api;
  const parent = isTraceparent(options.traceparent)
    ? propagation.extract(ROOT_CONTEXT, { traceparent: options.traceparent })
    : context.active();
  return trace
    .getTracer('tminus')
    .startActiveSpan(
      name,
      { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
      parent,
      async (span) => {
        try {
          return await work();
        } catch (error) {
          span.recordException(error instanceof Error ? error : String(error));
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
}
