import { otelApi } from './otel-api';

/** The ids a log line carries to be found from its trace (and back), named as log shippers expect. */
export interface TraceLogFields {
  readonly trace_id?: string;
  readonly span_id?: string;
}

/**
 * `trace_id`/`span_id` of the span active where a line is logged; nothing outside a trace or with
 * tracing off. Meant as a pino `mixin`: every line of a traced request then names its trace.
 */
export function traceLogFields(): TraceLogFields {
  const api = otelApi();
  const span = api?.trace.getActiveSpan();
  if (api === undefined || span === undefined) return {};
  const context = span.spanContext();
  return api.isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}
